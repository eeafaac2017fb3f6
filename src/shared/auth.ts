import { z } from 'zod';

export const ROLES = ['applicant', 'recommender', 'commission', 'expert', 'training_provider'] as const;
export type RoleCode = (typeof ROLES)[number];
export const ROLE_LABELS: Record<RoleCode, string> = {
  applicant: '申报单位',
  recommender: '推荐单位',
  commission: '市市场监管委',
  expert: '评定专家',
  training_provider: '培训机构',
};

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  /** Second step (issue 13.10): the 6-digit code of the authenticator app, or one recovery code. */
  totpCode: z.string().trim().regex(/^\d{6}$/, '应为6位数字').optional(),
  recoveryCode: z.string().trim().max(20).optional(),
});

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  isAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), subtype: z.string().nullable() }),
  /** Two-factor login: enrolled, and required for this account (commission, administrators). */
  secondFactor: z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() }).optional(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const okSchema = z.object({ ok: z.literal(true) });

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  isAdmin: z.boolean(),
  organisationId: z.string(),
  organisationName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const createUserRequestSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9_.-]+$/, '只能包含字母、数字、下划线、点和短横线'),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  organisationId: z.string().uuid(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请输入11位手机号码或带区号的固定电话')
    .optional()
    .or(z.literal('')),
  email: z.string().trim().email().optional().or(z.literal('')),
  isAdmin: z.boolean().optional(),
});

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pagedSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
