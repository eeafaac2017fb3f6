/**
 * Figure 1 — deadline-day surge through the real server: many logged-in sessions (applicants and
 * recommenders), 70% reads / 25% draft saves / 5% submissions, then a count in the database that
 * every accepted write is there and the audit chain still verifies. Figure 5 (server RSS) is
 * sampled during the same run.
 */
import { randomUUID } from 'node:crypto';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { inArray } from 'drizzle-orm';
import { verifyAuditChain } from '../src/server/audit/verify-chain';
import type { Database } from '../src/server/db/client';
import { projects, projectVersions } from '../src/server/db/schema';
import { log, percentile, rssKb, type ServerHandle } from './lib';
import type { SeededApp, SeedInfo } from './seed';

export interface Session {
  username: string;
  role: 'applicant' | 'recommender';
  cookie: string;
  csrf: string;
  app?: SeededApp & { current: number };
}

export interface RouteAvailability {
  applicantList: boolean;
  applicantPage: boolean;
  saveDraft: boolean;
  submit: boolean;
  inbox: boolean;
  duplicates: boolean;
}

let ipCounter = 1;
/** Each simulated user comes from its own address (the login route is rate-limited per IP; trustProxy is on). */
export function nextIp(): string {
  const n = ipCounter++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function cookiesFrom(setCookie: string[]): { cookie: string; csrf: string } {
  const jar: Record<string, string> = {};
  for (const c of setCookie) {
    const [kv] = c.split(';');
    const i = kv.indexOf('=');
    jar[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
  }
  return { cookie: Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; '), csrf: jar.gg_csrf ?? '' };
}

export async function login(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${body.slice(0, 200)}`);
  return cookiesFrom(res.headers.getSetCookie());
}

async function pool<T>(items: T[], n: number, fn: (t: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

export async function loginSessions(baseUrl: string, seed: SeedInfo, counts: { applicants: number; recommenders: number }): Promise<{ sessions: Session[]; spare: SeededApp[]; ms: number }> {
  const t0 = performance.now();
  const apps = seed.drafts.slice(0, counts.applicants);
  const spare = seed.drafts.slice(counts.applicants);
  const recs = seed.recommenderUsernames.slice(0, counts.recommenders);
  const sessions: Session[] = [];
  const todo: { username: string; role: Session['role']; app?: SeededApp }[] = [
    ...recs.map((u) => ({ username: u, role: 'recommender' as const })),
    ...apps.map((a) => ({ username: a.username, role: 'applicant' as const, app: a })),
  ];
  await pool(todo, 8, async (t) => {
    const c = await login(baseUrl, t.username, seed.password);
    sessions.push({ username: t.username, role: t.role, ...c, app: t.app ? { ...t.app, current: t.app.version } : undefined });
  });
  // interleave roles so connections of both kinds start together
  sessions.sort((a, b) => a.username.localeCompare(b.username));
  return { sessions, spare, ms: performance.now() - t0 };
}

/** Is a route there yet? (A missing route answers the app's generic 404 "请求的接口不存在".) */
async function present(baseUrl: string, s: Session | undefined, method: string, path: string, body?: unknown): Promise<boolean> {
  if (!s) return false;
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return !(res.status === 404 && text.includes('请求的接口不存在'));
}

export async function probeRoutes(baseUrl: string, sessions: Session[]): Promise<RouteAvailability> {
  const a = sessions.find((s) => s.role === 'applicant');
  const r = sessions.find((s) => s.role === 'recommender');
  const id = a?.app?.id ?? '00000000-0000-4000-8000-000000000000';
  return {
    applicantList: await present(baseUrl, a, 'GET', '/api/applications'),
    applicantPage: await present(baseUrl, a, 'GET', `/api/applications/${id}`),
    // a wrong version (0) is refused by validation or as stale, without writing anything
    saveDraft: await present(baseUrl, a, 'PUT', `/api/applications/${id}/draft`, { version: 0, form: {} }),
    submit: await present(baseUrl, a, 'POST', `/api/applications/${id}/submit`, { version: 0 }),
    inbox: await present(baseUrl, r, 'GET', '/api/recommender/applications'),
    duplicates: await present(baseUrl, a, 'POST', `/api/applications/${id}/duplicates`, {}),
  };
}

type Kind = 'inbox' | 'list' | 'page' | 'reread' | 'save' | 'submit' | 'replay' | 'login' | 'fallback';
const READ_KINDS: Kind[] = ['inbox', 'list', 'page', 'reread', 'fallback'];

interface AppLedger {
  initial: number;
  /** sum over acknowledged writes of (answered version − sent version) */
  acked: number;
  saves: number;
  submitted: boolean;
  /** the last acknowledged write: its resulting version and (saves) its marker */
  last?: { version: number; marker?: string };
}

export interface SurgeOutcome {
  durationS: number;
  connections: number;
  /** mean think time between a session's answer and its next request */
  thinkMs: number;
  /** closed loop, no think time (capacity, compared with the bare-SQL baseline) */
  saturation: { throughput: number; p50: number; p99: number; timeouts: number; errors: number } | null;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  perKind: Record<string, { n: number; p50: number; p99: number }>;
  mix: { reads: number; saves: number; submits: number; logins: number };
  statusCounts: Record<string, number>;
  expected409: number;
  errors: number;
  errorSamples: string[];
  acceptedSaves: number;
  acceptedSubmits: number;
  replays: number;
  replayMismatches: number;
  timeouts: number;
  rssMaxKb: number;
  rssIdleKb: number;
  ledger: Map<string, AppLedger>;
  routes: RouteAvailability;
}

const FORM_MARK = '§§BENCH-MARK§§';

export async function runSurge(
  server: ServerHandle,
  sessions: Session[],
  spare: SeededApp[],
  password: string,
  routes: RouteAvailability,
  opts: { durationS: number; thinkMs: number; saturationS: number },
): Promise<SurgeOutcome> {
  const recShare = sessions.filter((s) => s.role === 'recommender').length / sessions.length;
  const pSubmit = 0.05 / (1 - recShare);
  const pSave = 0.25 / (1 - recShare);
  const ledger = new Map<string, AppLedger>();
  const templates = new Map<string, string>();
  const template = (app: SeededApp) => {
    let t = templates.get(app.id);
    if (!t) {
      const form = structuredClone(app.form);
      form.content = { ...form.content, background: `${form.content?.background ?? ''}${FORM_MARK}` };
      t = JSON.stringify(form);
      templates.set(app.id, t);
    }
    return t;
  };
  const entry = (app: SeededApp & { current: number }) => {
    let l = ledger.get(app.id);
    if (!l) ledger.set(app.id, (l = { initial: app.version, acked: 0, saves: 0, submitted: false }));
    return l;
  };
  let nextSession = 0;
  let spareIdx = 0;
  const latPaced: Record<string, number[]> = {};
  const latSaturation: Record<string, number[]> = {};
  let lat = latPaced;
  const statusCounts: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  let expected409 = 0;
  let acceptedSaves = 0;
  let acceptedSubmits = 0;
  let replays = 0;
  let replayMismatches = 0;
  const counts = { reads: 0, saves: 0, submits: 0, logins: 0 };
  let saveSeq = 0;

  const setup = (req: AutocannonRequest, ctx: Record<string, any>): AutocannonRequest => {
    if (!ctx.s) ctx.s = sessions[nextSession++ % sessions.length];
    const s: Session = ctx.s;
    const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    let kind: Kind;
    let method = 'GET';
    let path = '/api/auth/me';
    let body: string | undefined;
    const app = s.app;
    if (ctx.relogin) {
      kind = 'login';
      method = 'POST';
      path = '/api/auth/login';
      delete headers.cookie;
      delete headers['x-csrf-token'];
      headers['x-forwarded-for'] = nextIp();
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ username: ctx.relogin.username, password });
    } else if (ctx.replay && app) {
      kind = 'replay';
      method = 'POST';
      path = `/api/applications/${app.id}/submit`;
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = ctx.replay.key;
      body = JSON.stringify({ version: ctx.replay.version });
    } else if (ctx.reread && app && routes.applicantPage) {
      kind = 'reread';
      path = `/api/applications/${app.id}`;
    } else if (s.role === 'recommender') {
      if (routes.inbox) {
        kind = 'inbox';
        const r = Math.random();
        const page = 1 + Math.floor(Math.random() * 5);
        path = r < 0.2 ? `/api/recommender/applications?q=${encodeURIComponent('质量')}&page=1` : r < 0.4 ? `/api/recommender/applications?state=submitted&page=${page}` : `/api/recommender/applications?page=${page}`;
      } else {
        kind = 'fallback';
        path = Math.random() < 0.5 ? '/api/auth/me' : '/api/notifications';
      }
    } else {
      const r = Math.random();
      const canWrite = app && app.state === 'draft' && !ctx.noWrite;
      if (canWrite && r < pSubmit && routes.submit) {
        kind = 'submit';
        method = 'POST';
        path = `/api/applications/${app.id}/submit`;
        headers['content-type'] = 'application/json';
        headers['idempotency-key'] = randomUUID();
        body = JSON.stringify({ version: app.current });
        ctx.key = headers['idempotency-key'];
      } else if (canWrite && r < pSubmit + pSave && routes.saveDraft) {
        kind = 'save';
        method = 'PUT';
        path = `/api/applications/${app.id}/draft`;
        headers['content-type'] = 'application/json';
        ctx.marker = `【截止日保存${++saveSeq}】`;
        body = `{"version":${app.current},"form":${template(app).replace(FORM_MARK, ctx.marker)}}`;
      } else if (routes.applicantList && (Math.random() < 0.5 || !routes.applicantPage || !app)) {
        kind = 'list';
        path = '/api/applications';
      } else if (routes.applicantPage && app) {
        kind = 'page';
        path = `/api/applications/${app.id}`;
      } else {
        kind = 'fallback';
        path = Math.random() < 0.5 ? '/api/auth/me' : '/api/notifications';
      }
    }
    ctx.kind = kind;
    ctx.sent = app?.current;
    ctx.t0 = performance.now();
    req.method = method;
    req.path = path;
    req.headers = headers;
    req.body = body ?? '';
    return req;
  };

  const onResponse = (status: number, body: string, ctx: Record<string, any>, headers: Record<string, string | string[]>) => {
    const kind: Kind = ctx.kind;
    if (!kind) return; // the static warm-up request
    (lat[kind] ??= []).push(performance.now() - ctx.t0);
    statusCounts[`${kind} ${status}`] = (statusCounts[`${kind} ${status}`] ?? 0) + 1;
    if (READ_KINDS.includes(kind)) counts.reads++;
    else if (kind === 'save') counts.saves++;
    else if (kind === 'submit' || kind === 'replay') counts.submits++;
    else if (kind === 'login') counts.logins++;
    const s: Session = ctx.s;
    const app = s.app;
    const ok = status >= 200 && status < 300;
    let parsed: any;
    const json = () => (parsed ??= safeJson(body));
    const fail = () => {
      errors++;
      if (errorSamples.length < 12) errorSamples.push(`${kind} ${status} ${String(body).slice(0, 160)}`);
    };
    switch (kind) {
      case 'login': {
        if (!ok) {
          fail();
          ctx.relogin = null;
          ctx.noWrite = true;
          return;
        }
        const set = headers['set-cookie'];
        const c = cookiesFrom(Array.isArray(set) ? set : set ? [set] : []);
        const next: SeededApp = ctx.relogin;
        ctx.s = { username: next.username, role: 'applicant', cookie: c.cookie, csrf: c.csrf, app: { ...next, current: next.version } } satisfies Session;
        ctx.relogin = null;
        return;
      }
      case 'save': {
        const l = entry(app!);
        if (ok) {
          const v = json()?.version;
          acceptedSaves++;
          l.saves++;
          l.acked += v - ctx.sent;
          l.last = { version: v, marker: ctx.marker };
          app!.current = v;
        } else if (status === 409 && json()?.code === 'stale_version') {
          expected409++;
          ctx.reread = true;
        } else {
          fail();
          ctx.reread = true;
        }
        return;
      }
      case 'submit':
      case 'replay': {
        const l = entry(app!);
        if (kind === 'replay') {
          replays++;
          const sameAnswer = ok && String(headers['idempotent-replay'] ?? '') === 'true' && json()?.version === ctx.replay.answered;
          if (!sameAnswer) {
            replayMismatches++;
            fail();
          }
          ctx.replay = null;
          ctx.relogin = spare[spareIdx++] ?? null;
          if (!ctx.relogin) ctx.noWrite = true;
          return;
        }
        if (ok) {
          const v = json()?.version;
          acceptedSubmits++;
          l.submitted = true;
          l.acked += v - ctx.sent;
          l.last = { version: v };
          app!.current = v;
          app!.state = 'submitted';
          // a third of the clients retry the same submit (lost answer, double click): must be a replay
          if (Math.random() < 0.33) ctx.replay = { key: ctx.key, version: ctx.sent, answered: v };
          else {
            ctx.relogin = spare[spareIdx++] ?? null;
            if (!ctx.relogin) ctx.noWrite = true;
          }
        } else if (status === 409 && json()?.code === 'stale_version') {
          expected409++;
          ctx.reread = true;
        } else {
          fail();
          ctx.noWrite = status === 400; // a refused submit (checks) will not pass by retrying
          ctx.reread = true;
        }
        return;
      }
      case 'reread':
      case 'page': {
        if (ok && app) {
          const d = json();
          if (d && typeof d.version === 'number' && d.id === app.id) {
            app.current = d.version;
            if (d.state !== 'draft' && d.state !== 'returned') app.state = 'submitted';
          }
        } else if (!ok) fail();
        if (kind === 'reread') ctx.reread = false;
        return;
      }
      default:
        if (!ok) fail();
    }
  };

  // Entry 0 is static (built once, shared by all connections); the dynamic entries follow. A long
  // list keeps autocannon from resetting the per-connection context (it does so at the list's end).
  const dynamic: AutocannonRequest = { setupRequest: setup, onResponse };
  const requests: AutocannonRequest[] = [{ method: 'GET', path: '/api/health' }, ...Array.from({ length: 20_000 }, () => dynamic)];

  const pid = server.serverPid();
  const rssIdleKb = (pid && rssKb(pid)) || 0;
  let rssMaxKb = rssIdleKb;
  const sampler = setInterval(() => {
    const v = pid ? rssKb(pid) : null;
    if (v && v > rssMaxKb) rssMaxKb = v;
  }, 200);
  log(`surge: ${sessions.length} sessions for ${opts.durationS} s, think time ~${opts.thinkMs} ms (server pid ${pid}, idle RSS ${Math.round(rssIdleKb / 1024)} MB)`);
  const paced = await pacedLoad(server.url, sessions.length, opts.durationS, opts.thinkMs, setup, onResponse);
  let saturation: SurgeOutcome['saturation'] = null;
  if (opts.saturationS > 0) {
    // Same sessions, same mix, no think time: every connection sends its next request as soon as
    // the answer arrives. That measures what the stack can carry (compared with bare SQL), not
    // what users see.
    lat = latSaturation;
    log(`saturation: ${sessions.length} connections, no think time, ${opts.saturationS} s`);
    const r = await autocannon({ url: server.url, connections: sessions.length, duration: opts.saturationS, timeout: 30, requests });
    saturation = { throughput: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, timeouts: r.timeouts, errors: r.errors - r.timeouts };
  }
  clearInterval(sampler);

  const perKind: SurgeOutcome['perKind'] = {};
  for (const [k, v] of Object.entries(latPaced)) perKind[k] = { n: v.length, p50: percentile(v, 50), p99: percentile(v, 99) };
  return {
    durationS: opts.durationS,
    connections: sessions.length,
    thinkMs: opts.thinkMs,
    requests: paced.latencies.length,
    throughput: paced.latencies.length / paced.elapsedS,
    p50: percentile(paced.latencies, 50),
    p99: percentile(paced.latencies, 99),
    saturation,
    perKind,
    mix: counts,
    statusCounts,
    expected409,
    errors: errors + paced.networkErrors + (saturation?.errors ?? 0),
    errorSamples,
    acceptedSaves,
    acceptedSubmits,
    replays,
    replayMismatches,
    timeouts: paced.timeouts + (saturation?.timeouts ?? 0),
    rssMaxKb,
    rssIdleKb,
    ledger,
    routes,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Users, not a firehose: each session waits for its answer, then "thinks" for an exponentially
 * distributed time (mean `thinkMs`) before its next request, so sessions arrive independently
 * (no lockstep) the way people editing, saving and submitting on the deadline day do. Latency is
 * measured from sending to the end of the body, per request.
 */
async function pacedLoad(
  baseUrl: string,
  sessions: number,
  durationS: number,
  thinkMs: number,
  setup: (req: AutocannonRequest, ctx: Record<string, any>) => AutocannonRequest,
  onResponse: (status: number, body: string, ctx: Record<string, any>, headers: Record<string, string | string[]>) => void,
): Promise<{ latencies: number[]; timeouts: number; networkErrors: number; elapsedS: number }> {
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const latencies: number[] = [];
  let timeouts = 0;
  let networkErrors = 0;
  const think = () => -Math.log(1 - Math.random()) * thinkMs;
  await Promise.all(
    Array.from({ length: sessions }, async () => {
      const ctx: Record<string, any> = {};
      await sleep(Math.random() * thinkMs); // sessions do not start in lockstep either
      while (performance.now() < deadline) {
        const req = setup({}, ctx);
        const t0 = performance.now();
        try {
          const res = await fetch(baseUrl + req.path, {
            method: req.method,
            headers: req.headers,
            body: req.method === 'GET' || !req.body ? undefined : String(req.body),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await res.text();
          latencies.push(performance.now() - t0);
          const headers: Record<string, string | string[]> = Object.fromEntries(res.headers.entries());
          const cookies = res.headers.getSetCookie();
          if (cookies.length) headers['set-cookie'] = cookies;
          onResponse(res.status, text, ctx, headers);
        } catch (err) {
          if ((err as Error).name === 'TimeoutError') timeouts++;
          else networkErrors++;
        }
        await sleep(think());
      }
    }),
  );
  return { latencies, timeouts, networkErrors, elapsedS: (performance.now() - started) / 1000 };
}

function safeJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export interface VerifyOutcome {
  lostWrites: string[];
  unacknowledgedApplied: number;
  submittedRows: number;
  acceptedSubmits: number;
  versionIncrements: number;
  acknowledgedIncrements: number;
  markerChecked: number;
  auditOk: boolean;
  auditEntries: number;
  auditReason?: string;
}

/** After the server has stopped: every acknowledged write must be in the database. */
export async function verifySurge(database: Database, out: SurgeOutcome): Promise<VerifyOutcome> {
  const ids = [...out.ledger.keys()];
  const lost: string[] = [];
  let unacked = 0;
  let submittedRows = 0;
  let incr = 0;
  let acked = 0;
  let markerChecked = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await database.db.select({ id: projects.id, version: projects.version, state: projects.state, form: projects.form, submittedVersion: projects.submittedVersion, applicationNo: projects.applicationNo }).from(projects).where(inArray(projects.id, chunk));
    const versions = await database.db.select({ projectId: projectVersions.projectId, versionNo: projectVersions.versionNo }).from(projectVersions).where(inArray(projectVersions.projectId, chunk));
    const versionRows = new Map<string, number>();
    for (const v of versions) versionRows.set(v.projectId, (versionRows.get(v.projectId) ?? 0) + 1);
    for (const r of rows) {
      const l = out.ledger.get(r.id)!;
      const delta = r.version - l.initial;
      incr += delta;
      acked += l.acked;
      if (delta < l.acked) lost.push(`${r.id}: version ${r.version}, but ${l.acked} acknowledged increments from ${l.initial}`);
      else if (delta > l.acked) unacked += delta - l.acked;
      if (l.submitted) {
        if (r.state !== 'submitted' || !r.applicationNo || r.submittedVersion < 1) lost.push(`${r.id}: submit acknowledged, state ${r.state}`);
        else submittedRows++;
        if ((versionRows.get(r.id) ?? 0) !== 1) lost.push(`${r.id}: ${versionRows.get(r.id) ?? 0} submitted versions (expected exactly 1: retries must be replays)`);
      }
      if (l.last?.marker && r.version === l.last.version) {
        markerChecked++;
        const bg = (r.form as any)?.content?.background ?? '';
        if (!String(bg).endsWith(l.last.marker)) lost.push(`${r.id}: the last acknowledged save ${l.last.marker} is not in the stored form`);
      }
    }
  }
  const chain = await verifyAuditChain(database.db);
  return {
    lostWrites: lost,
    unacknowledgedApplied: unacked,
    submittedRows,
    acceptedSubmits: out.acceptedSubmits,
    versionIncrements: incr,
    acknowledgedIncrements: acked,
    markerChecked,
    auditOk: chain.ok,
    auditEntries: chain.entries,
    auditReason: chain.ok ? undefined : `seq ${chain.brokenSeq}: ${chain.reason}`,
  };
}
