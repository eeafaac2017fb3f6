/**
 * The one server-process harness of the tests: the real server as a child process
 * (`node --import tsx src/server/main.ts`, what `npx tsx` runs) for the crash and restart tests,
 * the browser suite and the first-install walk. It runs in its own process group so `kill -9`
 * reaches everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGKILL to the whole process group: no shutdown hook runs. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.TEST_DATABASE_URL;
  // `node --import tsx` rather than the tsx launcher: one process, so SIGTERM reaches the server's own
  // shutdown hook directly (the launcher's signal relay gives up after 30 ms on a busy machine).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: { ...clean, HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'true', RUN_WORKERS: 'false', LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) during start:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    url,
    output: () => out,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(child.pid!, 'SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** A logged-in HTTP client against a running server (cookies + CSRF token). */
/** Last TOTP step used per account in this process. */
const USED_STEPS = new Map<string, number>();

export class HttpAgent {
  private cookies: Record<string, string> = {};
  constructor(readonly baseUrl: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    const c = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    if (c) h.cookie = c;
    if (this.cookies.gg_csrf) h['x-csrf-token'] = this.cookies.gg_csrf;
    return h;
  }

  keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value) this.cookies[name] = value;
      else delete this.cookies[name];
    }
  }

  /** `totpSecret`: demo commission accounts log in with the second factor (issue 13.10). */
  async login(username: string, password: string, totpSecret?: string) {
    let totpCodeValue: string | undefined;
    if (totpSecret) {
      const { totpCode, totpStep } = await import('../../src/server/auth/totp');
      // The server never accepts a step twice: take the next one (accepted one step ahead), waiting if needed.
      let step = totpStep(new Date());
      const last = USED_STEPS.get(username) ?? -1;
      if (step <= last) step = last + 1;
      while (step > totpStep(new Date()) + 1) await new Promise((r) => setTimeout(r, 1000));
      USED_STEPS.set(username, step);
      totpCodeValue = totpCode(totpSecret, new Date(), step);
    }
    const res = await fetch(`${this.baseUrl}/api/auth/login`, { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ username, password, ...(totpCodeValue ? { totpCode: totpCodeValue } : {}) }) });
    this.keep(res);
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return this;
  }

  async fetch(pathname: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const res = await fetch(`${this.baseUrl}${pathname}`, { ...init, headers: this.headers(init.headers ?? {}) });
    this.keep(res);
    return res;
  }
}
