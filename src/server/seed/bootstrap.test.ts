import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestApp } from '../../../test/support/empty-app';
import { totpCode } from '../auth/totp';
import { BootstrapError, bootstrapInstallation, bootstrapLines } from './bootstrap';

type EmptyApp = Awaited<ReturnType<typeof createEmptyTestApp>>;
let t: EmptyApp;
beforeAll(async () => {
  t = await createEmptyTestApp();
});
afterAll(async () => t.close());

describe('first install without the demo (SEED_DEMO=false)', () => {
  it('starts from an empty database: nobody can log in', async () => {
    const { res } = await t.login('admin', 'Tianjin@Zlgg2026');
    expect(res.status).toBe(401);
    const campaign = await t.anonymous().get('/api/public/campaign');
    expect(campaign.status).toBe(404);
  });

  it('refuses an initial password that breaks the password rules, naming the variable, and writes nothing', async () => {
    await expect(bootstrapInstallation(t.services.database.db, { now: t.clock.now(), adminPassword: 'short' })).rejects.toThrow(BootstrapError);
    await expect(bootstrapInstallation(t.services.database.db, { now: t.clock.now(), adminPassword: 'short' })).rejects.toThrow(/ADMIN_INITIAL_PASSWORD/);
    const { res } = await t.login('admin', 'short');
    expect(res.status).toBe(401);
  });

  it('creates the commission, a first administrator who must change the password, 16 bureaus and the 2026 campaign — once', async () => {
    const first = await bootstrapInstallation(t.services.database.db, { now: t.clock.now() });
    expect(first.created).toEqual(['commission', 'admin', 'district_bureaus:16', 'campaign:2026']);
    expect(first.admin).toMatchObject({ username: 'admin', generated: true });
    const password = first.admin!.password;
    expect(bootstrapLines(first).join('\n')).toContain(password);

    const again = await bootstrapInstallation(t.services.database.db, { now: t.clock.now() });
    expect(again.created).toEqual([]);
    expect(again.admin).toBeUndefined();
    expect(bootstrapLines(again)).toEqual([]);

    const { agent, res } = await t.login('admin', password);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'commission', mustChangePassword: true });
    const blocked = await agent.get('/api/campaigns');
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('首次登录请先修改密码');
    const changed = await agent.post('/api/auth/change-password', { currentPassword: password, newPassword: 'Tianjin@Zlgg2026' });
    expect(changed.status).toBe(200);
    // An administrator must enrol the second factor before anything else (issue 13.10, 等保 身份鉴别).
    expect((await agent.get('/api/campaigns')).status).toBe(403);
    const setup = await agent.post('/api/auth/second-factor/setup');
    expect(setup.status).toBe(200);
    expect((await agent.post('/api/auth/second-factor/enable', { totpCode: totpCode(setup.body.secret, t.clock.now()) })).status).toBe(200);

    const campaigns = await agent.get('/api/campaigns');
    expect(campaigns.body.items.map((c: any) => [c.year, c.status, c.documentNo])).toEqual([[2026, 'active', '津市场监管质发〔2026〕2号']]);
    expect(campaigns.body.items[0].config.calendar.holidays).toContain('2026-10-01');
    const bureaus = await agent.get('/api/admin/organisations?kind=recommender');
    expect(bureaus.body.items).toHaveLength(16);
    expect(bureaus.body.items.map((o: any) => o.name)).toContain('天津市滨海新区市场监督管理局');
    const commission = await agent.get('/api/admin/organisations?kind=commission');
    expect(commission.body.items.map((o: any) => o.name)).toEqual(['天津市市场监督管理委员会']);

    const audit = await agent.get('/api/audit?entity=installation');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].summary.created).toContain('admin');
    expect(JSON.stringify(audit.body.items[0].summary)).not.toContain(password);
  });

  it('in a later year creates that year as a draft from the plan, with the holiday calendar left to fill', async () => {
    const r = await bootstrapInstallation(t.services.database.db, { now: new Date('2027-01-05T09:00:00+08:00') });
    expect(r.created).toEqual(['campaign:2027']);
    expect(r.campaign).toEqual({ year: 2027, status: 'draft' });
    expect(bootstrapLines(r).join('\n')).toContain('节假日安排为空');
  });
});

describe('first install with ADMIN_INITIAL_PASSWORD', () => {
  it('uses the configured password and a configured user name', async () => {
    const other = await createEmptyTestApp();
    try {
      const r = await bootstrapInstallation(other.services.database.db, { now: other.clock.now(), adminUsername: 'zhiliangchu', adminPassword: 'Haihe#Quality2026' });
      expect(r.admin).toEqual({ username: 'zhiliangchu', password: 'Haihe#Quality2026', generated: false });
      expect(bootstrapLines(r).join('\n')).not.toContain('Haihe#Quality2026');
      const { res } = await other.login('zhiliangchu', 'Haihe#Quality2026');
      expect(res.status).toBe(200);
      expect(res.body.user.mustChangePassword).toBe(true);
    } finally {
      await other.close();
    }
  });
});
