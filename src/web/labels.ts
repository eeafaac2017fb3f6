/**
 * Label maps the light pages (portal, login) need. Copies of the maps in src/shared/auth.ts and
 * src/domain/campaign-config.ts: those modules also define zod schemas, which would pull zod (~25 KB
 * gzipped) into the public bundles. TODO(lead): move the maps to a zod-free shared module.
 */
import type { RoleCode } from '../shared/auth';
import type { WindowKey } from '../domain/campaign-config';

export const ROLE_LABELS: Record<RoleCode, string> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  commission: '市市场监管委',
  expert: '评定专家',
  training_provider: '培训机构',
};

export const WINDOW_LABELS: Record<WindowKey, string> = {
  application: '项目申报（推荐单位报送）',
  results: '成果提交（推荐单位报送）',
};

export const WINDOW_KEYS: readonly WindowKey[] = ['application', 'results'];
