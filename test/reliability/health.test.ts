/**
 * Issue 19 (6) — liveness vs readiness, and metrics. Readiness checks the database, the file store
 * and the job queue: with the file store unreachable the instance is alive but not ready (503 naming
 * the store). Metrics are Prometheus text, only for this machine or with METRICS_TOKEN.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStore } from '../../src/server/files/file-store';
import { PgBossQueue } from '../../src/server/jobs/queue';
import { createTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'jk3-monitoring-token-2026-04';
let t: TestApp;
const work = mkdtempSync(path.join(os.tmpdir(), 'gg-health-'));

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN;
  t = await createTestApp();
  delete process.env.METRICS_TOKEN;
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('health', () => {
  it('live and ready answer 200 when every dependency answers', async () => {
    const live = await t.anonymous().get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    for (const url of ['/api/health/ready', '/api/health']) {
      const ready = await t.anonymous().get(url);
      expect(ready.status, url).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ok', checks: { database: { ok: true }, files: { ok: true }, jobs: { ok: true } } });
    }
  });

  it('with the file store unreachable: alive, but not ready (503 naming the store)', async () => {
    const working = t.services.files;
    const blocker = path.join(work, 'not-a-directory');
    writeFileSync(blocker, '挂载点丢失');
    t.services.files = new LocalFileStore(path.join(blocker, 'files')); // every access fails with ENOTDIR
    try {
      expect((await t.anonymous().get('/api/health/live')).status).toBe(200);
      for (const url of ['/api/health/ready', '/api/health']) {
        const ready = await t.anonymous().get(url);
        expect(ready.status, url).toBe(503);
        expect(ready.body.status).toBe('unavailable');
        expect(ready.body.checks.files).toMatchObject({ ok: false, detail: expect.stringMatching(/ENOTDIR|not a directory/) });
        expect(ready.body.checks.database.ok).toBe(true);
      }
    } finally {
      t.services.files = working;
    }
    expect((await t.anonymous().get('/api/health/ready')).status).toBe(200);
  });

  it('with the database gone: not ready, and says which check failed', async () => {
    const real = t.services.database.executeSql;
    t.services.database.executeSql = async () => {
      throw new Error('connection terminated');
    };
    try {
      const ready = await t.anonymous().get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toMatchObject({ ok: false, detail: 'connection terminated' });
      expect(ready.body.checks.jobs.ok).toBe(false);
    } finally {
      t.services.database.executeSql = real;
    }
  });
});

describe('metrics', () => {
  it('Prometheus text: request counts and latency by route pattern, errors, job queue depth, process', async () => {
    const agent = await t.login('demo_applicant');
    await agent.get('/api/applications/00000000-0000-4000-8000-000000000000');
    const queue = new PgBossQueue(t.services.database);
    try {
      await queue.send('email', { to: 'zhoujh@nk-optics.cn', subject: '申报材料已提交' });
      const res = await t.app.inject({ method: 'GET', url: '/api/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.body;
      expect(text).toMatch(/gongguan_http_requests_total\{method="POST",route="\/api\/auth\/login",status="200"\} \d+/);
      // The pattern, never the id.
      expect(text).toMatch(/route="\/api\/applications\/:id"/);
      expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
      expect(text).toMatch(/gongguan_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/api\/auth\/login"\}/);
      expect(text).toContain('# TYPE gongguan_http_server_errors_total counter');
      expect(text).toMatch(/gongguan_jobs\{queue="email",state="created"\} 1/);
      expect(text).toMatch(/gongguan_jobs_oldest_waiting_seconds \d/);
      expect(text).toMatch(/gongguan_process_resident_memory_bytes \d+/);
    } finally {
      await queue.stop();
    }
  }, 60_000);

  it('only from this machine directly, or with METRICS_TOKEN', async () => {
    const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url: '/api/metrics', headers, remoteAddress });
    expect((await get({})).statusCode).toBe(200);
    // Relayed by a reverse proxy on this machine: not local any more.
    const relayed = await get({ 'x-forwarded-for': '202.99.96.68' });
    expect(relayed.statusCode).toBe(403);
    expect(relayed.json().message).toMatch(/运行指标只能从本机直接访问.*METRICS_TOKEN/);
    expect((await get({}, '10.12.0.20')).statusCode).toBe(403);
    expect((await get({ authorization: 'Bearer wrong-token' }, '10.12.0.20')).statusCode).toBe(403);
    expect((await get({ authorization: `Bearer ${TOKEN}` }, '10.12.0.20')).statusCode).toBe(200);
    expect((await get({ authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '202.99.96.68' })).statusCode).toBe(200);
  });
});
