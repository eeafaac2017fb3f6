/**
 * Issue 7.7 — rate limits on the endpoints reachable without a session: registration, the public
 * look-ups (campaign, recommenders, USCC check) and every other /api/public/ operation, found in the
 * OpenAPI document so a new public route without a limit fails here. Login has its own test in
 * hardening.test.ts. Each route answers 429 `rate_limited` in Chinese once its per-address allowance
 * for the minute is spent, and other addresses are not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../src/domain/uscc';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const CJK = /[\u4e00-\u9fff]/;
/** Above every limit set on a public route (the most generous is 300 a minute). */
const CEILING = 400;

async function publicOperations(): Promise<{ method: string; url: string }[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
  const ops: { method: string; url: string }[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/public/')) continue;
    for (const method of Object.keys(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      // Path parameters get a realistic value: a valid 统一社会信用代码 for the USCC check.
      const url = p.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'code' ? generateUscc({ divisionCode: '120116', seed: 77_001 }) : '00000000-0000-4000-8000-000000000000'));
      ops.push({ method: method.toUpperCase(), url });
    }
  }
  return ops;
}

describe('rate limits on public endpoints', () => {
  it('covers registration and the public look-ups', async () => {
    const urls = (await publicOperations()).map((o) => `${o.method} ${o.url.replace(/\/[^/]*\d[^/]*$/, '/:param')}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /api/public/register', 'GET /api/public/campaign', 'GET /api/public/recommenders', 'GET /api/public/uscc/:param']));
  });

  it('answers 429 rate_limited in Chinese on every /api/public/ operation once the allowance is spent, per address', async () => {
    for (const op of await publicOperations()) {
      const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
      let limited: { statusCode: number; json(): any } | null = null;
      let n = 0;
      const statuses = new Set<number>();
      while (!limited && n < CEILING) {
        n++;
        // Registration: an invalid body is enough — the limit counts attempts, not successes.
        const res = await t.app.inject({ method: op.method as 'GET', url: op.url, remoteAddress: ip, payload: op.method === 'GET' ? undefined : {} });
        statuses.add(res.statusCode);
        if (res.statusCode === 429) limited = res;
      }
      expect(limited, `${op.method} ${op.url}: no 429 after ${CEILING} requests from one address (statuses ${[...statuses].join(',')})`).not.toBeNull();
      expect([...statuses].every((s) => s < 500), `${op.method} ${op.url}: ${[...statuses].join(',')}`).toBe(true);
      const body = limited!.json();
      expect(body.code).toBe('rate_limited');
      expect(body.message).toMatch(CJK);
      // Another address is still served.
      const other = await t.app.inject({ method: op.method as 'GET', url: op.url, remoteAddress: '198.51.100.7', payload: op.method === 'GET' ? undefined : {} });
      expect(other.statusCode, `${op.method} ${op.url} from another address`).not.toBe(429);
    }
  });
});
