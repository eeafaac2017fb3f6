/** Response shapes of the endpoints the web client reads (mirrors of the server's zod schemas). */
import type { AdminUser, Me, RoleCode } from '../shared/auth';
import type { CampaignConfig, CampaignDto, WindowKey } from '../domain/campaign-config';

export type { AdminUser, CampaignConfig, CampaignDto, Me, RoleCode, WindowKey };

export interface WindowState {
  key: WindowKey;
  opensAt: string;
  closesAt: string;
  open: boolean;
  reason?: string;
}

export interface PublicCampaign {
  id: string;
  year: number;
  title: string;
  documentNo: string | null;
  directions: CampaignConfig['directions'];
  focusChains: string[];
  livelihoodIndustries: string[];
  benefitAreas: CampaignConfig['benefitAreas'];
  earliestStartDate: string;
  windows: WindowState[];
  vetoChecklist: CampaignConfig['vetoChecklist'];
  namingRules: CampaignConfig['namingRules'];
  files: CampaignConfig['files'];
  duplicate: CampaignConfig['duplicate'];
  contact: CampaignConfig['contact'];
  serverTime: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrganisationOption {
  id: string;
  name: string;
  kind: string;
  subtype: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  actorOrgName: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  summary: string;
  ip: string | null;
  requestId: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  brokenSeq?: number;
  reason?: string;
}

export interface Reopening {
  id: string;
  window: string;
  organisationId: string | null;
  organisationName: string | null;
  projectId: string | null;
  closesAt: string;
  reason: string;
  createdAt: string;
  revoked: boolean;
}
