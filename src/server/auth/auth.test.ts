import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A login attempt from its own address (each test here stays within the per-address limit). */
let nextAddress = 10;
async function attempt(body: { username: string; password: string }, remoteAddress = `198.51.100.${nextAddress++}`) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress });
  return { status: res.statusCode, body: res.json() };
}

describe('login', () => {
  it('logs in with the demo commission account and returns the user with its organisation', async () => {
    const a = await t.login('demo_commission');
    const me = await a.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'demo_commission', role: 'commission', isAdmin: true, organisation: { name: '天津市市场监督管理委员会' } });
    expect(a.cookies.gg_session).toBeTruthy();
    expect(a.cookies.gg_csrf).toBeTruthy();
  });

  it('answers a wrong password and an unknown user with the same 401 message', async () => {
    const a = t.anonymous();
    const wrong = await a.post('/api/auth/login', { username: 'demo_expert', password: 'Wrong@password1' });
    const unknown = await a.post('/api/auth/login', { username: 'no_such_user', password: 'Wrong@password1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toContain('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('names the missing field in Chinese', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'demo_expert' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.fields.password).toBe('密码为必填项');
  });

  it('locks the account after 5 failures for 15 minutes, then lets the right password in', async () => {
    const a = t.anonymous();
    for (let i = 0; i < 5; i++) expect((await a.post('/api/auth/login', { username: 'expert_002', password: 'Wrong@password1' })).status).toBe(401);
    const [row] = (await t.services.database.executeSql("SELECT locked_until FROM users WHERE username = 'expert_002'")).rows as { locked_until: unknown }[];
    expect(row.locked_until).not.toBeNull();
    // While locked even the right password is refused — with the same answer as a wrong one.
    const locked = await a.post('/api/auth/login', { username: 'expert_002', password: 'Gongguan@Test2026' });
    expect(locked.status).toBe(401);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await a.post('/api/auth/login', { username: 'expert_002', password: 'Gongguan@Test2026' })).status).toBe(200);
  });

  it('answers a locked account exactly like an unknown name, and tells the real owner (issue 13.3)', async () => {
    const answers: { status: number; body: unknown }[] = [];
    for (let i = 0; i < 7; i++) {
      const real = await attempt({ username: 'expert_003', password: `Wrong@password${i}` });
      const unknown = await attempt({ username: 'expert_999_nobody', password: `Wrong@password${i}` });
      answers.push({ status: real.status, body: { code: real.body.code, message: real.body.message } });
      expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message }, `attempt ${i + 1}`).toEqual({ status: real.status, code: real.body.code, message: real.body.message });
    }
    expect(answers.every((x) => x.status === 401)).toBe(true);
    // The right password of the locked account: still the same answer.
    const right = await attempt({ username: 'expert_003', password: 'Gongguan@Test2026' });
    const unknown = await attempt({ username: 'expert_999_nobody', password: 'Gongguan@Test2026' });
    expect([right.status, right.body.code, right.body.message]).toEqual([unknown.status, unknown.body.code, unknown.body.message]);
    // The owner is told by an in-app notification.
    const notes = (await t.services.database.executeSql("SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'expert_003'")).rows as { title: string; body: string }[];
    expect(notes).toHaveLength(1);
    expect(notes[0].title).toContain('锁定');
    expect(notes[0].body).toContain('连续5次登录失败');
    t.clock.advance(15 * 60_000 + 1000);
  });

  it('counts parallel wrong guesses atomically: 20 at once lock the account after 5 checks (issue 13.2)', async () => {
    const before = (await t.services.database.executeSql("SELECT count(*)::int AS n FROM audit_log WHERE action IN ('login_failed', 'login_locked')")).rows[0] as { n: number };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt({ username: 'expert_004', password: `Wrong@parallel${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    const [row] = (await t.services.database.executeSql("SELECT locked_until, failed_logins FROM users WHERE username = 'expert_004'")).rows as { locked_until: unknown }[];
    expect(row.locked_until, 'the account is locked').not.toBeNull();
    const entries = (await t.services.database.executeSql("SELECT action FROM audit_log WHERE action IN ('login_failed', 'login_locked') ORDER BY seq")).rows.slice(before.n) as { action: string }[];
    expect(entries.filter((e) => e.action === 'login_locked')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'login_failed')).toHaveLength(4);
    // Locked: the right password does not get in either.
    expect((await attempt({ username: 'expert_004', password: 'Gongguan@Test2026' })).status).toBe(401);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt({ username: 'expert_004', password: 'Gongguan@Test2026' })).status).toBe(200);
  });

  it('expires a session after 30 idle minutes with a session_expired answer', async () => {
    const a = await t.login('demo_expert');
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await a.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session_expired');
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token and accepts it with the token', async () => {
    const a = await t.login('demo_expert');
    const without = await a.request('POST', '/api/auth/logout-all', {}, { 'x-csrf-token': '' });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('csrf');
    const wrong = await a.request('POST', '/api/auth/logout-all', {}, { 'x-csrf-token': 'forged' });
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Origin even before login', async () => {
    const res = await t.anonymous().request('POST', '/api/auth/login', { username: 'demo_expert', password: 'x' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf');
  });

  it('issues a new session id at login (no fixation)', async () => {
    const a = t.anonymous();
    a.cookies.gg_session = 'attacker-chosen-token';
    await a.post('/api/auth/login', { username: 'demo_training', password: 'Gongguan@Test2026' });
    expect(a.cookies.gg_session).not.toBe('attacker-chosen-token');
  });
});

describe('logout everywhere and password change', () => {
  it('logout-all ends every session of the user', async () => {
    const one = await t.login('rec_120101');
    const two = await t.login('rec_120101');
    expect((await one.post('/api/auth/logout-all')).status).toBe(200);
    expect((await two.get('/api/auth/me')).status).toBe(401);
    expect((await one.get('/api/auth/me')).status).toBe(401);
  });

  it('forces an admin-created account to change its password before anything else', async () => {
    const admin = await t.login('demo_commission');
    const orgs = await admin.get('/api/admin/organisations?kind=recommender');
    const created = await admin.post('/api/admin/users', { username: 'hexi_new', displayName: '赵敏', role: 'recommender', organisationId: orgs.body.items[0].id });
    expect(created.status).toBe(200);
    const temp = created.body.temporaryPassword as string;
    const user = await t.login('hexi_new', temp);
    expect((await user.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const blocked = await user.get('/api/audit');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    const weak = await user.post('/api/auth/change-password', { currentPassword: temp, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.newPassword).toContain('至少为10位');
    const ok = await user.post('/api/auth/change-password', { currentPassword: temp, newPassword: 'Hexi@Quality2026' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.mustChangePassword).toBe(false);
    expect((await t.login('hexi_new', 'Hexi@Quality2026')).cookies.gg_session).toBeTruthy();
  });
});
