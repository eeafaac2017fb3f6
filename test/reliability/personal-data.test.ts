/**
 * Issue #7 point 7 (personal information): phones and ID numbers are masked in lists and exports
 * unless the role needs them, and every view of them in full by someone else than their own unit
 * leaves an audit entry `view_personal_data` naming the view and the fields.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { insertProject } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function viewsOf(entityId: string) {
  return t.services.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, 'view_personal_data')))
    .orderBy(desc(auditLog.seq));
}

describe('views of unmasked personal data are audited', () => {
  it('the recommender and the commission reading a 申报书 with phones leave one entry per view; the applicant reading its own leaves none', async () => {
    const p = await insertProject(t, { applicant: 'demo_applicant', state: 'submitted' });
    const own = await (await t.login('demo_applicant')).get(`/api/applications/${p.id}`);
    expect(own.status).toBe(200);
    expect(await viewsOf(p.id)).toHaveLength(0);

    const recommender = await t.login('demo_recommender');
    const detail = await recommender.get(`/api/applications/${p.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.form.unit.projectLead.phone).toBe('13820061234'); // the role needs it in full…
    let views = await viewsOf(p.id);
    expect(views).toHaveLength(1); // …so it is traced
    expect(views[0].actorRole).toBe('recommender');
    expect(views[0].summary).toMatchObject({ view: '申报书详情', fields: ['质量负责人电话', '项目负责人电话', '联系人电话'] });

    expect((await recommender.get(`/api/recommender/applications/${p.id}`)).status).toBe(200);
    expect((await (await t.login('commission_reviewer')).get(`/api/applications/${p.id}`)).status).toBe(200);
    views = await viewsOf(p.id);
    expect(views.map((v) => [v.actorRole, (v.summary as { view: string }).view])).toEqual([
      ['commission', '申报书详情'],
      ['recommender', '推荐审核'],
      ['recommender', '申报书详情'],
    ]);
  });

  it('ID numbers stay masked for the recommender; lists carry no phones at all', async () => {
    const p = await insertProject(t, { applicant: 'demo_applicant', state: 'submitted' });
    const recommender = await t.login('demo_recommender');
    const detail = await recommender.get(`/api/applications/${p.id}`);
    for (const m of detail.body.form.team ?? []) if (m.idNumber) expect(m.idNumber).toContain('*');
    const inbox = await recommender.get('/api/recommender/applications?pageSize=100');
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).not.toContain('13820061234');
  });

  it('the training provider reading a roster with full phones is audited; the commission gets them masked and leaves no entry', async () => {
    const provider = await t.login('demo_training');
    const sessions = await provider.get('/api/training/sessions');
    expect(sessions.status).toBe(200);
    const withSignups = sessions.body.items.find((s: { signedUp: number }) => s.signedUp > 0);
    expect(withSignups, 'the demo seed signs attendees up for a session').toBeTruthy();

    const roster = await provider.get(`/api/training/sessions/${withSignups.id}/roster`);
    expect(roster.status).toBe(200);
    expect(roster.body.phoneMasked).toBe(false);
    const views = await viewsOf(withSignups.id);
    expect(views).toHaveLength(1);
    expect(views[0].summary).toMatchObject({ view: '培训报名名单', fields: ['参训人员手机号码'], count: roster.body.items.length });

    const masked = await (await t.login('commission_reviewer')).get(`/api/training/sessions/${withSignups.id}/roster`);
    expect(masked.status).toBe(200);
    expect(masked.body.phoneMasked).toBe(true);
    expect(masked.body.items.every((i: { attendeePhone: string }) => i.attendeePhone.includes('*'))).toBe(true);
    expect(await viewsOf(withSignups.id)).toHaveLength(1);
  });
});
