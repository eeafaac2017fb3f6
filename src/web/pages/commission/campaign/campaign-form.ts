/** The campaign form's shape and its conversions (form ⇄ draft-store JSON ⇄ server DTO). */
import type { Dayjs } from 'dayjs';
import type { WindowKey } from '../../../../domain/campaign-config';
import { DEFAULT_EVALUATION_CRITERIA } from '../../../../domain/evaluation';
import { DEFAULT_PROGRESS_SCHEDULE } from '../../../../domain/implementation';
import { DEFAULT_SYNONYM_GROUPS } from '../../../../domain/similarity-synonyms';
import { DEFAULT_ATTENDEES_PER_PROJECT } from '../../../../shared/training';
import { fromPickerValue, toPickerValue } from '../../../time';
import type { CampaignConfig, CampaignDto } from '../../../types';

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const DATETIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export type WindowForm = { opensAt: Dayjs | null; applicantClosesAt: Dayjs | null; closesAt: Dayjs | null };

export interface CampaignForm {
  title: string;
  documentNo: string;
  status: CampaignDto['status'];
  windows: Record<WindowKey, WindowForm>;
  config: Omit<CampaignConfig, 'windows'>;
}

/** The form content as plain JSON (for the draft store). */
export interface CampaignFormWire {
  title: string;
  documentNo: string;
  status: CampaignDto['status'];
  windows: Record<WindowKey, { opensAt: string | null; applicantClosesAt: string | null; closesAt: string | null }>;
  config: Omit<CampaignConfig, 'windows'>;
}

export function toForm(c: CampaignDto): CampaignForm {
  const { windows, ...rest } = c.config;
  const w = (k: WindowKey): WindowForm => ({
    opensAt: toPickerValue(windows[k].opensAt),
    applicantClosesAt: toPickerValue(windows[k].applicantClosesAt),
    closesAt: toPickerValue(windows[k].closesAt),
  });
  return { title: c.title, documentNo: c.documentNo ?? '', status: c.status, windows: { application: w('application'), results: w('results') }, config: withDefaults(structuredClone(rest)) };
}

/** Parts absent from an older configuration are shown (and saved) as the defaults the server applies. */
function withDefaults(c: Omit<CampaignConfig, 'windows'>): Omit<CampaignConfig, 'windows'> {
  return {
    ...c,
    training: c.training ?? { attendeesPerProject: DEFAULT_ATTENDEES_PER_PROJECT },
    duplicate: { ...c.duplicate, synonyms: c.duplicate.synonyms ?? structuredClone(DEFAULT_SYNONYM_GROUPS) },
    progressSchedule: c.progressSchedule ?? { ...DEFAULT_PROGRESS_SCHEDULE },
    evaluation: c.evaluation ?? structuredClone(DEFAULT_EVALUATION_CRITERIA),
  };
}

export function toWire(f: CampaignForm): CampaignFormWire {
  const w = (x: WindowForm | undefined) => ({
    opensAt: fromPickerValue(x?.opensAt),
    applicantClosesAt: fromPickerValue(x?.applicantClosesAt),
    closesAt: fromPickerValue(x?.closesAt),
  });
  return { title: f.title, documentNo: f.documentNo, status: f.status, windows: { application: w(f.windows?.application), results: w(f.windows?.results) }, config: f.config };
}

export function fromWire(w: CampaignFormWire): CampaignForm {
  const x = (k: WindowKey): WindowForm => ({
    opensAt: toPickerValue(w.windows[k].opensAt),
    applicantClosesAt: toPickerValue(w.windows[k].applicantClosesAt),
    closesAt: toPickerValue(w.windows[k].closesAt),
  });
  return { ...w, windows: { application: x('application'), results: x('results') } };
}

/** Server field path (e.g. "config.windows.results.closesAt") → form field name. */
export function formNameFor(path: string): (string | number)[] {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'config' && parts[1] === 'windows') return parts.slice(1);
  return parts;
}

