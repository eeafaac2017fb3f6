/**
 * Request-level test harness: the real Fastify app on a fresh copy of the demo database, a movable
 * clock, a temp file store, and agents that log in as any user and carry cookie + CSRF token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { MovableClock } from '../../src/server/clock';
import type { Services } from '../../src/server/context';
import { LocalFileStore } from '../../src/server/files/file-store';
import { totpCode } from '../../src/server/auth/totp';
import { DEMO_TOTP_USERNAMES } from '../../src/server/seed';
import { RecordingQueue } from '../../src/server/jobs/queue';
import { openTestDatabase, TEST_NOW, TEST_PASSWORD } from './template';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

export class Agent {
  cookies: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.gg_csrf && method !== 'GET') h['x-csrf-token'] ??= this.cookies.gg_csrf;
    const cookie = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) h.cookie = cookie;
    const opts: InjectOptions = { method, url, headers: h };
    if (body instanceof Buffer || typeof body === 'string') opts.payload = body;
    else if (body !== undefined) opts.payload = body as object;
    const res = await this.app.inject(opts);
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    let parsed: unknown = undefined;
    const ct = String(res.headers['content-type'] ?? '');
    if (ct.includes('application/json')) parsed = res.json();
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res.rawPayload };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  put<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body ?? {}, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
  /** Multipart upload of one file in field `file`. */
  async upload<T = any>(url: string, fileName: string, data: Buffer, mime = 'application/octet-stream') {
    const boundary = `----gg${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`, 'utf8');
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.request<T>('POST', url, Buffer.concat([head, data, tail]), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: MovableClock;
  jobs: RecordingQueue;
  accounts: { role: string; username: string; password: string; organisation: string; totpSecret?: string }[];
  anonymous(): Agent;
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

/** The real app on the given database with a movable clock, a temp file store and a recording queue. */
export async function startHarnessApp(database: Services['database'], now = TEST_NOW, config: Partial<Parameters<typeof buildApp>[0]['config']> = {}) {
  const clock = new MovableClock(now);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-files-'));
  const jobs = new RecordingQueue();
  const services: Services = { database, clock, files: new LocalFileStore(dir), jobs };
  const app = await buildApp({ config: { allowedOrigins: [], cookieSecure: false, logLevel: 'warn', ...config }, services, serveWeb: false });
  await app.ready();
  return { app, services, clock, jobs, dir, database };
}

export async function createTestApp(opts: { now?: string; config?: Partial<Parameters<typeof buildApp>[0]['config']> } = {}): Promise<TestApp> {
  const template = inject('template');
  const { app, services, clock, jobs, dir, database } = await startHarnessApp(await openTestDatabase(template), opts.now, opts.config);
  return {
    app,
    services,
    clock,
    jobs,
    accounts: template.accounts,
    anonymous: () => new Agent(app),
    async login(username: string, password = TEST_PASSWORD) {
      const agent = new Agent(app);
      // Demo commission accounts have two-factor login (issue 13.10): send the code of the seeded
      // secret at the test clock with the password (one request, as the login allowance counts
      // requests). The clock stands still in tests, so the account's memory of the last used step
      // is cleared first (a real client waits for the next code instead).
      const secret = template.accounts.find((a) => a.totpSecret)?.totpSecret;
      const withCode = async () => {
        if (!secret) throw new Error(`login ${username}: second factor required but no demo TOTP secret`);
        await database.executeSql(`UPDATE users SET totp_last_step = NULL WHERE lower(username) = lower('${username.replace(/'/g, "''")}')`);
        return agent.post('/api/auth/login', { username, password, totpCode: totpCode(secret, clock.now()) });
      };
      let res = DEMO_TOTP_USERNAMES.includes(username) ? await withCode() : await agent.post('/api/auth/login', { username, password });
      if (res.status === 401 && res.body?.code === 'second_factor_required') res = await withCode();
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
