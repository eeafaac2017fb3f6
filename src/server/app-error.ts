/**
 * One error type for the whole server: a code, an internal message (for logs) and a Chinese
 * `userMessage` (for people). HTTP status is decided in one place, `httpStatusFor`.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'session_expired'
  | 'bad_credentials'
  | 'account_locked'
  | 'password_change_required'
  | 'second_factor_required'
  | 'second_factor_enrolment_required'
  | 'csrf'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'invalid_state'
  | 'deadline_passed'
  | 'window_not_open'
  | 'payload_too_large'
  | 'unsupported_file'
  | 'rate_limited'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  session_expired: 401,
  bad_credentials: 401,
  account_locked: 423,
  password_change_required: 403,
  second_factor_required: 401,
  second_factor_enrolment_required: 403,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  invalid_state: 409,
  deadline_passed: 409,
  window_not_open: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  rate_limited: 429,
  internal: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields?: Record<string, string>;
  readonly details?: unknown;

  constructor(code: ErrorCode, internal: string, userMessage: string, extra?: { fields?: Record<string, string>; details?: unknown }) {
    super(internal);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fields = extra?.fields;
    this.details = extra?.details;
  }

  get status(): number {
    return httpStatusFor(this.code);
  }
}

export const notFound = (what: string, label = '记录') => new AppError('not_found', `${what} not found`, `${label}不存在或无权访问`);
export const forbidden = (why: string, msg = '没有执行此操作的权限') => new AppError('forbidden', why, msg);
export const staleVersion = (what: string) =>
  new AppError('stale_version', `${what}: stale version`, '该记录已在其他地方被修改，请刷新后合并您的修改再保存');
export const invalidState = (why: string, msg: string) => new AppError('invalid_state', why, msg);
export const validation = (fields: Record<string, string>, msg?: string) =>
  new AppError('validation', `validation: ${Object.keys(fields).join(',')}`, msg ?? Object.values(fields)[0] ?? '输入有误', { fields });
