/**
 * The Fastify application: plugins, the session hook, CSRF, security headers, error mapping and
 * every area's routes. Stateless: sessions and jobs live in the database, files in the file store.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import '../shared/zod-zh';
import { AppError, validation } from './app-error';
import { labelForPath } from '../shared/field-labels';
import { CSRF_HEADER, SESSION_COOKIE, loadSession } from './auth/sessions';
import type { Config } from './config';
import type { Services } from './context';
import { installErrorHandler } from './http/error-handler';
import { WEB_DIST_DIR } from './paths';
import { checkRouteGuard } from './policy/route-guard';
import { APP_VERSION, registerRoutes } from './routes';

export const WEB_DIST = WEB_DIST_DIR;

export interface BuildAppOptions {
  config: Pick<Config, 'allowedOrigins' | 'cookieSecure' | 'logLevel'> & Partial<Pick<Config, 'loginRateLimitPerMinute' | 'publicRateLimitPerMinute' | 'trustProxy'>>;
  services: Services;
  logger?: boolean;
  /** Serve the built web client from dist/web when present. */
  serveWeb?: boolean;
  /** Directory of the built web client (default dist/web). */
  webRoot?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a person reaches before having a session; the Origin check still applies. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/public/register', '/api/auth/logout']);

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const app = Fastify({
    logger: opts.logger ? { level: opts.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: () => randomUUID(),
    // Forwarded headers only from the configured proxies (TRUST_PROXY); otherwise req.ip is the TCP
    // peer, so a client cannot pick the address rate limits and the audit log see (issue 13.1).
    trustProxy: opts.config.trustProxy?.length ? opts.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: undefined,
    // Router-level refusals (bad URL encoding, over-long path parameters) get the same {code, message} answer.
    frameworkErrors: (error, _req, reply: FastifyReply) => {
      const tooLong = (error as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH';
      setSecurityHeaders(_req.url, reply); // router errors skip the onSend hooks
      return reply.status(tooLong ? 414 : 400).send({ code: tooLong ? 'validation' : 'not_found', message: tooLong ? '请求地址过长' : '请求地址格式不正确' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fileSize: 200 * 1024 * 1024, fields: 20, fieldSize: 100_000 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '攻关 — 天津市质量攻关管理平台 API', version: APP_VERSION, description: '所有错误均以 {code, message, fields?} 返回，message 为中文。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const found = await loadSession(services.database.db, services.clock, token);
    if (found.status === 'ok') {
      req.actor = found.actor;
      req.sessionCsrf = found.csrfToken;
    }
    if (!SAFE_METHODS.has(req.method)) {
      checkOrigin(req.headers.origin, req.headers.host, opts.config.allowedOrigins);
      const path = req.url.split('?')[0];
      if (req.actor && !CSRF_EXEMPT.has(path)) {
        const header = req.headers[CSRF_HEADER];
        if (typeof header !== 'string' || header !== req.sessionCsrf) {
          throw new AppError('csrf', 'csrf token mismatch', '页面已过期或请求来源无法验证，请刷新页面后重试');
        }
      }
    }
    if (found.status === 'expired' && !req.url.startsWith('/api/public/') && !req.url.startsWith('/api/auth/login') && !req.url.startsWith('/api/auth/session')) {
      throw new AppError('session_expired', 'session expired', '登录已超时（30分钟无操作），请重新登录；未保存的内容已在本机保留');
    }
    if (found.status === 'ok' && found.mustChangePassword) {
      const p = req.url.split('?')[0];
      if (!p.startsWith('/api/auth/') && !p.startsWith('/api/public/') && p !== '/api/health') {
        throw new AppError('password_change_required', 'must change password', '首次登录请先修改密码');
      }
    }
    // The commission and administrators must have a second factor before anything else (issue 13.10).
    if (found.status === 'ok' && found.mustEnrolSecondFactor) {
      const p = req.url.split('?')[0];
      if (!p.startsWith('/api/auth/') && !p.startsWith('/api/public/') && p !== '/api/health') {
        throw new AppError('second_factor_enrolment_required', 'must enrol totp', '按安全要求，市市场监管委及管理员账户须先绑定身份验证器（两步验证）后才能使用平台');
      }
    }
    void reply;
  });

  // Area-level role check before validation (see policy/route-guard.ts).
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.url) checkRouteGuard(req);
  });

  // Free-form JSON (campaign rule parameters, form fragments) is bounded in depth and size before
  // any validator or writer walks it recursively: a 5,000-level object must not overflow the stack,
  // a 1,000-level one must not be stored (issue 13.6).
  app.addHook('preValidation', async (req) => {
    const problem = jsonShapeProblem(req.body);
    if (problem) throw validation({ [problem.field]: problem.message });
  });

  // PostgreSQL cannot store NUL in text, nor a lone UTF-16 surrogate in jsonb: refuse both up front,
  // naming the field, instead of failing in the database.
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      const at = findInvalidText(value);
      if (at !== null) throw validation({ [at || where]: `${labelForPath(at)}不能包含空字符（NUL）或无效的 Unicode 字符` });
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(req.url, reply);
    return payload;
  });

  await registerRoutes(app, services, { cookieSecure: opts.config.cookieSecure, loginRateLimitPerMinute: opts.config.loginRateLimitPerMinute, publicRateLimitPerMinute: opts.config.publicRateLimitPerMinute });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = opts.webRoot ?? WEB_DIST;
  const serveWeb = opts.serveWeb !== false && existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br/.gz beside every asset; hashed asset names never change content.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        else reply.header('Cache-Control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !serveWeb || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send({ code: 'not_found', message: '请求的接口不存在', requestId: String(req.id) });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}

function setSecurityHeaders(url: string, reply: FastifyReply): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (url.startsWith('/api/docs')) {
    reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'");
  } else {
    // antd writes component styles at run time (CSS-in-JS), so styles need 'unsafe-inline'; scripts never do.
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  }
  // A public reading route may declare its answer cacheable (published content never changes).
  if (url.startsWith('/api/') && !(url.startsWith('/api/public/') && reply.hasHeader('Cache-Control'))) reply.header('Cache-Control', 'no-store');
}

/** Deepest nesting of objects/arrays accepted in a request body (real forms stay under 10). */
export const MAX_JSON_DEPTH = 32;
/** Most values (objects, arrays, leaves) accepted in one request body. */
export const MAX_JSON_NODES = 100_000;

/** Walks a parsed body without recursion; names the field where it is too deep, or the body when too large. */
function jsonShapeProblem(body: unknown): { field: string; message: string } | null {
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return null;
  const stack: [unknown, string[]][] = [[body, []]];
  let nodes = 0;
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (++nodes > MAX_JSON_NODES) return { field: 'body', message: `请求内容包含的数据项过多（最多${MAX_JSON_NODES}项）` };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) {
      const field = namedPrefix(path);
      return { field: field || 'body', message: `${field ? labelForPath(field) : '请求内容'}的嵌套层数过多（最多${MAX_JSON_DEPTH}层）` };
    }
    for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
  }
  return null;
}

/** The longest leading part of a path (at most 8 keys) that has a Chinese name, e.g. `config.namingRules.0.params`. */
function namedPrefix(path: string[]): string {
  for (let n = Math.min(path.length, 8); n > 0; n--) {
    const p = path.slice(0, n).join('.');
    if (/[\u4e00-\u9fff]/.test(labelForPath(p))) return p;
  }
  return path[0] ?? '';
}

// eslint-disable-next-line no-control-regex
const INVALID_TEXT = /\u0000|\p{Surrogate}/u;

/** Path ('' for the value itself) of the first string (or key) holding NUL or a lone surrogate, or null. */
function findInvalidText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return INVALID_TEXT.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const key = k.replace(new RegExp(INVALID_TEXT.source, 'gu'), '');
    if (key !== k) return path ? `${path}.${key}` : key;
    const found = findInvalidText(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function checkOrigin(origin: string | undefined, host: string | undefined, allowed: string[]) {
  // Browsers send Origin on cross-site writes; requests without it (API clients, tests) rely on the token.
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('csrf', `bad origin ${origin}`, '请求来源无法验证，请从平台页面操作');
  }
  // Browsers leave out a default port in Origin; a proxy may keep it in Host.
  const bareHost = (host ?? '').replace(/:(80|443)$/, '');
  if (originHost === host || originHost === bareHost || allowed.includes(origin)) return;
  throw new AppError('csrf', `foreign origin ${origin}`, '请求来源无法验证，请从平台页面操作');
}
