/**
 * The one way the web client talks to the server: JSON over same-origin fetch, the CSRF double
 * submit header on writes, the shared error shape parsed into `ApiError`, and the session flows:
 * - 401 session_expired / unauthenticated → the re-login modal (nothing navigates away, the
 *   request is retried once the person has logged in again);
 * - 403 password_change_required → the forced change-password page.
 */
export const CSRF_COOKIE = 'gg_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly requestId?: string;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.requestId = body.requestId;
  }

  get isSessionLost(): boolean {
    return this.status === 401 && (this.code === 'session_expired' || this.code === 'unauthenticated');
  }
}

/** A readable message for any thrown value (network failures included). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.requestId && err.status >= 500 ? err.message : err.message;
  if (err instanceof TypeError) return '网络连接失败，请检查网络后重试';
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A fresh key for one logical submit; reuse the same key when retrying that submit. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function idempotencyHeaders(key: string = newIdempotencyKey()): Record<string, string> {
  return { 'Idempotency-Key': key };
}

// ---- session flows ---------------------------------------------------------------------------

type SessionLostHandler = () => Promise<boolean>;
type PasswordChangeHandler = () => void;

let sessionLostHandler: SessionLostHandler | null = null;
let pendingRelogin: Promise<boolean> | null = null;
let passwordChangeHandler: PasswordChangeHandler | null = null;

/** Registered by the session-expired modal; resolves true once the person has logged in again. */
export function setSessionLostHandler(handler: SessionLostHandler | null): void {
  sessionLostHandler = handler;
}

export function setPasswordChangeHandler(handler: PasswordChangeHandler | null): void {
  passwordChangeHandler = handler;
}

function askForRelogin(): Promise<boolean> {
  if (!sessionLostHandler) return Promise.resolve(false);
  if (!pendingRelogin) {
    pendingRelogin = sessionLostHandler().finally(() => {
      pendingRelogin = null;
    });
  }
  return pendingRelogin;
}

// ---- requests --------------------------------------------------------------------------------

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not open the re-login modal on 401 (the bootstrap `me` call, the login form itself). */
  noSessionFlow?: boolean;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (opts.body instanceof FormData) body = opts.body;
    else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
  }
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  return fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
}

async function parseError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody | undefined;
  try {
    const data: unknown = await res.json();
    if (data && typeof data === 'object' && typeof (data as ApiErrorBody).code === 'string') body = data as ApiErrorBody;
  } catch {
    // not JSON (proxy error page and the like)
  }
  if (!body) {
    body =
      res.status === 502 || res.status === 503 || res.status === 504
        ? { code: 'unavailable', message: '服务暂时不可用，请稍后重试' }
        : { code: 'http_' + res.status, message: `请求失败（${res.status}），请稍后重试` };
  }
  return new ApiError(res.status, body);
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  if (!res.ok) {
    let err = await parseError(res);
    if (err.isSessionLost && !opts.noSessionFlow) {
      const again = await askForRelogin();
      if (!again) throw err;
      res = await send(path, opts);
      if (!res.ok) err = await parseError(res);
    }
    if (!res.ok) {
      if (err.status === 403 && err.code === 'password_change_required') passwordChangeHandler?.();
      throw err;
    }
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await res.text()) as unknown as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'method' | 'query'> = {}) => apiRequest<T>(path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...opts, method: 'PUT', body: body ?? {} }),
  delete: <T>(path: string, opts: Omit<RequestOptions, 'method'> = {}) => apiRequest<T>(path, { ...opts, method: 'DELETE' }),
};
