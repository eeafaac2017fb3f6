/**
 * Issue 13.10 — two-factor login (TOTP) for the commission and administrators (required) and for
 * everyone else (optional): enrolment by QR code, recovery codes, audit, and the second factor
 * under the same lockout and rate limit as the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/server/auth/totp';
import { TEST_PASSWORD } from '../support/template';
import { Agent, createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { loginRateLimitPerMinute: 1000 } });
});
afterAll(async () => t?.close());

async function auditActions(username: string): Promise<string[]> {
  const { rows } = await t.services.database.executeSql(`SELECT a.action FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.username = '${username}' ORDER BY a.seq`);
  return (rows as { action: string }[]).map((r) => r.action);
}

/** Moves the test clock to the next 30-second step (a person waits for the next code). */
const nextCode = () => t.clock.advance(30_000);

describe('a fresh commission account (required)', () => {
  const username = 'zhiliang_chu_wang';
  const password = 'Zhiliang@Chu2026';
  let secret = '';
  let recoveryCodes: string[] = [];

  it('must enrol before anything else: QR code, a first code, ten recovery codes, all audited', async () => {
    const admin = await t.login('demo_commission');
    const orgs = await admin.get('/api/admin/organisations?kind=commission');
    const created = await admin.post('/api/admin/users', { username, displayName: '王磊（质量发展处）', role: 'commission', organisationId: orgs.body.items[0].id });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const user = await t.login(username, created.body.temporaryPassword);
    expect((await user.post('/api/auth/change-password', { currentPassword: created.body.temporaryPassword, newPassword: password })).status).toBe(200);

    const me = await user.get('/api/auth/me');
    expect(me.body.user.secondFactor).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });
    const blocked = await user.get('/api/audit');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('second_factor_enrolment_required');
    expect(blocked.body.message).toContain('身份验证器');

    const setup = await user.post('/api/auth/second-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(setup.body.qrDataUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    secret = setup.body.secret;

    const wrong = await user.post('/api/auth/second-factor/enable', { totpCode: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.totpCode).toContain('动态验证码');
    const enabled = await user.post('/api/auth/second-factor/enable', { totpCode: totpCode(secret, t.clock.now()) });
    expect(enabled.status).toBe(200);
    recoveryCodes = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect((await user.get('/api/audit')).status).toBe(200);
    expect((await user.get('/api/auth/me')).body.user.secondFactor).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
    // Only hashes are stored.
    const stored = (await t.services.database.executeSql(`SELECT totp_recovery_codes::text AS c FROM users WHERE username = '${username}'`)).rows[0] as { c: string };
    expect(stored.c).not.toContain(recoveryCodes[0]);
    expect(await auditActions(username)).toEqual(expect.arrayContaining(['second_factor_setup', 'second_factor_enabled']));
    // The commission cannot switch it off.
    nextCode();
    const off = await user.post('/api/auth/second-factor/disable', { password, totpCode: totpCode(secret, t.clock.now()) });
    expect(off.status).toBe(403);
  });

  it('logs in only with the code, never twice with the same one, and with each recovery code once', async () => {
    const a = new Agent(t.app);
    const first = await a.post('/api/auth/login', { username, password });
    expect(first.status).toBe(401);
    expect(first.body.code).toBe('second_factor_required');
    expect(a.cookies.gg_session).toBeUndefined();
    nextCode();
    const code = totpCode(secret, t.clock.now());
    expect((await a.post('/api/auth/login', { username, password, totpCode: code })).status).toBe(200);
    const replay = await new Agent(t.app).post('/api/auth/login', { username, password, totpCode: code });
    expect(replay.status).toBe(401);
    expect(replay.body.message).toContain('已使用过');
    // The code without the password is worth nothing.
    nextCode();
    expect((await new Agent(t.app).post('/api/auth/login', { username, password: 'Wrong@password1', totpCode: totpCode(secret, t.clock.now()) })).body.code).toBe('bad_credentials');

    const viaRecovery = await new Agent(t.app).post('/api/auth/login', { username, password, recoveryCode: recoveryCodes[0].toLowerCase() });
    expect(viaRecovery.status).toBe(200);
    expect((await new Agent(t.app).post('/api/auth/login', { username, password, recoveryCode: recoveryCodes[0] })).status).toBe(401);
    expect(await auditActions(username)).toEqual(expect.arrayContaining(['recovery_code_used']));
    const login = (await t.services.database.executeSql(`SELECT summary::text AS s FROM audit_log WHERE action = 'login' AND summary->>'username' = '${username}' ORDER BY seq DESC LIMIT 1`)).rows[0] as { s: string };
    expect(login.s).toContain('recovery_code');
  });

  it('locks the account after five wrong codes, like five wrong passwords', async () => {
    const a = new Agent(t.app);
    // A successful login first: the failures counted above are forgiven.
    nextCode();
    expect((await a.post('/api/auth/login', { username, password, totpCode: totpCode(secret, t.clock.now()) })).status).toBe(200);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await a.post('/api/auth/login', { username, password, totpCode: String(100000 + i * 7) === totpCode(secret, t.clock.now()) ? '999999' : String(100000 + i * 7) })).body.code);
    expect(statuses.slice(0, 4)).toEqual(Array(4).fill('second_factor_required'));
    expect(statuses[4]).toBe('bad_credentials');
    nextCode();
    // Locked: even the right password and code get the generic answer.
    const locked = await a.post('/api/auth/login', { username, password, totpCode: totpCode(secret, t.clock.now()) });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('bad_credentials');
    expect(await auditActions(username)).toEqual(expect.arrayContaining(['login_second_factor_failed', 'login_locked']));
    t.clock.advance(15 * 60_000 + 1000);
    expect((await a.post('/api/auth/login', { username, password, totpCode: totpCode(secret, t.clock.now()) })).status).toBe(200);
  });

  it('does not let requests without a code spend or refill the allowance', async () => {
    for (let i = 0; i < 8; i++) expect((await new Agent(t.app).post('/api/auth/login', { username, password })).body.code).toBe('second_factor_required');
    nextCode();
    expect((await new Agent(t.app).post('/api/auth/login', { username, password, totpCode: totpCode(secret, t.clock.now()) })).status).toBe(200);
  });
});

describe('other accounts (optional)', () => {
  it('log in without a second factor, may enrol, are then asked for it, and may switch it off', async () => {
    const user = await t.login('app_005');
    expect((await user.get('/api/auth/me')).body.user.secondFactor).toMatchObject({ enabled: false, required: false });
    expect((await user.get('/api/applications')).status).toBe(200);
    const setup = await user.post('/api/auth/second-factor/setup');
    const secret = setup.body.secret as string;
    expect((await user.post('/api/auth/second-factor/enable', { totpCode: totpCode(secret, t.clock.now()) })).status).toBe(200);
    expect((await new Agent(t.app).post('/api/auth/login', { username: 'app_005', password: TEST_PASSWORD })).body.code).toBe('second_factor_required');
    nextCode();
    const renewed = await user.post('/api/auth/second-factor/recovery-codes', { totpCode: totpCode(secret, t.clock.now()) });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    nextCode();
    expect((await user.post('/api/auth/second-factor/disable', { password: TEST_PASSWORD, totpCode: totpCode(secret, t.clock.now()) })).status).toBe(200);
    expect((await new Agent(t.app).post('/api/auth/login', { username: 'app_005', password: TEST_PASSWORD })).status).toBe(200);
    expect(await auditActions('app_005')).toEqual(expect.arrayContaining(['second_factor_enabled', 'recovery_codes_renewed', 'second_factor_disabled']));
  });

  it('the demo commission accounts are enrolled with the seeded secret', async () => {
    const a = new Agent(t.app);
    expect((await a.post('/api/auth/login', { username: 'commission_reviewer', password: TEST_PASSWORD })).body.code).toBe('second_factor_required');
    expect(t.accounts.find((x) => x.username === 'demo_commission')?.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });
});
