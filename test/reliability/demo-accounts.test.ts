/**
 * Issue 19 (7) — demo defaults. The demo password is strong and random per installation, and
 * demo-accounts.json never holds a password that does not log in: after a restore (or on a second
 * instance with its own data directory) the platform shows no password instead of a new, wrong one.
 * The banner side (shown on the first start only, loud warning on every start) is checked with a
 * real server in startup-race.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordProblems } from '../../src/domain/password-policy';
import { totpCode } from '../../src/server/auth/totp';
import { demoPassword, seedDemoData } from '../../src/server/seed';
import { createTestApp } from '../support/test-app';
import { TEST_PASSWORD } from '../support/template';

const work = mkdtempSync(path.join(os.tmpdir(), 'gg-demo-accounts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('demo password', () => {
  it('is long, random per installation and meets the platform password rules', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = demoPassword();
      expect(p).toMatch(/^Gg(-[A-HJ-NP-Za-km-z2-9]{4}){4}$/);
      expect(passwordProblems(p, 'demo_commission')).toEqual([]);
      expect(p).not.toMatch(/^Gongguan@\d{4}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    // Not drawn from a small space: the characters in use cover most of the alphabet.
    const chars = new Set([...seen].join('').replace(/^Gg|-/g, ''));
    expect(chars.size).toBeGreaterThan(50);
  });
});

describe('demo-accounts.json stays consistent with the database', () => {
  it('a restored database (accounts made by another installation): no password is shown or written', async () => {
    const t = await createTestApp(); // its demo accounts were seeded elsewhere, with TEST_PASSWORD
    try {
      const fresh = path.join(work, 'restored');
      const r = await seedDemoData(t.services.database.db, { dataDir: fresh, now: t.clock.now() });
      expect(r).toMatchObject({ created: false, passwordKnown: false });
      expect(r.accounts.map((a) => a.username)).toContain('demo_commission');
      for (const a of r.accounts) expect(a.password).toBe('');
      const file = path.join(fresh, 'demo-accounts.json');
      const onDisk = JSON.parse(readFileSync(file, 'utf8'));
      for (const a of onDisk) {
        expect(a.password).toBeNull();
        expect(a.note).toMatch(/密码不在本机/);
      }
      expect(statSync(file).mode & 0o777).toBe(0o600);

      // A file from yet another installation (its password does not log in here) is not believed.
      const other = path.join(work, 'second-instance');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(other, { recursive: true });
      writeFileSync(path.join(other, 'demo-accounts.json'), JSON.stringify([{ role: 'commission', username: 'demo_commission', password: 'Gg-AAAA-BBBB-CCCC-DDDD', organisation: '天津市市场监督管理委员会' }]));
      const r2 = await seedDemoData(t.services.database.db, { dataDir: other, now: t.clock.now() });
      expect(r2.passwordKnown).toBe(false);
      expect(readFileSync(path.join(other, 'demo-accounts.json'), 'utf8')).not.toContain('Gg-AAAA-BBBB-CCCC-DDDD');

      // The original installation's file (the password that works) is kept and shown as known.
      const original = path.join(work, 'original');
      mkdirSync(original, { recursive: true });
      writeFileSync(path.join(original, 'demo-accounts.json'), JSON.stringify([{ role: 'commission', username: 'demo_commission', password: TEST_PASSWORD, organisation: '天津市市场监督管理委员会' }]));
      const r3 = await seedDemoData(t.services.database.db, { dataDir: original, now: t.clock.now() });
      expect(r3).toMatchObject({ created: false, passwordKnown: true });
      const commission = r3.accounts.find((a) => a.username === 'demo_commission')!;
      expect(commission.password).toBe(TEST_PASSWORD);
      // demo_commission has its second factor enrolled with the installation's secret (issue 13.10).
      expect(commission.totpSecret).toBeTruthy();
      expect((await t.anonymous().post('/api/auth/login', { username: 'demo_commission', password: commission.password, totpCode: totpCode(commission.totpSecret!, t.clock.now()) })).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 120_000);
});
