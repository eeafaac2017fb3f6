/**
 * Issue 13.1 — the client address is the TCP peer unless the peer is a configured proxy
 * (TRUST_PROXY). A client that writes its own X-Forwarded-For must neither escape the login rate
 * limit nor choose the address the audit log records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/server/config';
import { createTestApp, type TestApp } from '../support/test-app';

const login = (t: TestApp, remoteAddress: string, forwardedFor?: string, username = 'nobody_spray') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username, password: '错误的密码Wrong1' },
  });

async function lastAuditIp(t: TestApp): Promise<string | null> {
  const { rows } = await t.services.database.executeSql('SELECT ip FROM audit_log ORDER BY seq DESC LIMIT 1');
  return (rows[0] as { ip: string | null }).ip;
}

describe('without TRUST_PROXY (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginRateLimitPerMinute: 5 } });
  });
  afterAll(async () => t?.close());

  it('keeps answering 429 to a client that changes X-Forwarded-For on every attempt', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(t, '198.51.100.23', `203.0.113.${i + 1}`)).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
    // Another real peer is not affected.
    expect((await login(t, '198.51.100.24', '203.0.113.200')).statusCode).toBe(401);
  });

  it('records the real peer, not the forwarded header, in the audit log', async () => {
    const res = await login(t, '198.51.100.31', '203.0.113.66', 'demo_expert');
    expect(res.statusCode).toBe(401);
    expect(await lastAuditIp(t)).toBe('198.51.100.31');
  });
});

describe('with TRUST_PROXY naming the reverse proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginRateLimitPerMinute: 5, trustProxy: ['10.0.0.5', '10.1.0.0/16'] } });
  });
  afterAll(async () => t?.close());

  it('takes the client address from X-Forwarded-For sent by the proxy, for the audit log and the rate limit', async () => {
    expect((await login(t, '10.0.0.5', '203.0.113.77', 'demo_expert')).statusCode).toBe(401);
    expect(await lastAuditIp(t)).toBe('203.0.113.77');
    // Two clients behind the proxy have separate allowances.
    for (let i = 0; i < 4; i++) expect((await login(t, '10.1.2.3', '203.0.113.80')).statusCode).toBe(401);
    expect((await login(t, '10.1.2.3', '203.0.113.80')).statusCode).toBe(401);
    expect((await login(t, '10.1.2.3', '203.0.113.80')).statusCode).toBe(429);
    expect((await login(t, '10.1.2.3', '203.0.113.81')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    expect((await login(t, '198.51.100.40', '203.0.113.90', 'demo_expert')).statusCode).toBe(401);
    expect(await lastAuditIp(t)).toBe('198.51.100.40');
  });
});

describe('TRUST_PROXY parsing', () => {
  it('accepts addresses and CIDRs, is empty by default, and refuses anything that would trust every client', () => {
    expect(parseTrustProxy(undefined)).toEqual([]);
    expect(parseTrustProxy('')).toEqual([]);
    expect(parseTrustProxy(' 10.0.0.5, 10.1.0.0/16 ,::1,fd00::/8')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8']);
    for (const bad of ['true', '*', '10.0.0.0/33', '300.1.1.1', 'proxy.example', '10.0.0.1/8/1']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });
});
