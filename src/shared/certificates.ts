/**
 * 证书 (certificates of recognised results, lifecycle.md: issued → void) and the 证书发放 run —
 * the DTOs of the commission and applicant certificate APIs (src/server/certificates).
 */
import { z } from 'zod';
import { campaignYearField } from '../domain/campaign-config';
import { CERTIFICATE_RUN_STATES, CERTIFICATE_STATES, type CertificateRunState, type CertificateState } from '../domain/vocabularies';
import { pagedSchema, pageQuerySchema } from './auth';

export { CERTIFICATE_STATES, CERTIFICATE_RUN_STATES, type CertificateState, type CertificateRunState };
export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = { issued: '有效', void: '已作废' };

export const CERTIFICATE_RUN_STATE_LABELS: Record<CertificateRunState, string> = { queued: '排队中', running: '发放中', done: '已完成', failed: '失败（将自动重试）' };

/** 作废原因: at least this many characters (trimmed). */
export const MIN_VOID_REASON_LENGTH = 4;

export const certificateRunSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  state: z.enum(CERTIFICATE_RUN_STATES),
  stateLabel: z.string(),
  total: z.number().int(),
  issued: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CertificateRunDto = z.infer<typeof certificateRunSchema>;

export const certificateOverviewSchema = z.object({
  campaignYear: z.number().int(),
  /** The latest run of the active campaign. */
  run: certificateRunSchema.nullable(),
  recognised: z.number().int(),
  issued: z.number().int(),
  /** Recognised projects without an issued certificate (what a run would issue). */
  pending: z.number().int(),
});
export type CertificateOverview = z.infer<typeof certificateOverviewSchema>;

export const certificateSchema = z.object({
  id: z.string(),
  certificateNo: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  holderName: z.string(),
  level: z.string().nullable(),
  state: z.enum(CERTIFICATE_STATES),
  stateLabel: z.string(),
  issuedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number().int(),
});
export type CertificateDto = z.infer<typeof certificateSchema>;
export const certificateListSchema = pagedSchema(certificateSchema);
export type CertificateList = z.infer<typeof certificateListSchema>;

export const certificateQuerySchema = z
  .object({
    /** Searches 证书编号, 项目名称 and 获证单位. */
    q: z.string().trim().max(100).optional(),
    state: z.enum(CERTIFICATE_STATES).optional(),
    /** 年度 (absent → the current campaign by date). */
    year: campaignYearField.optional(),
  })
  .extend(pageQuerySchema.shape);
export type CertificateQuery = z.infer<typeof certificateQuerySchema>;

export const voidCertificateRequestSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().max(500),
});
