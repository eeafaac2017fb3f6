import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { applicationFormSchema } from '../../domain/application-form';
import { projects } from '../db/schema';
import { DEMO_PROJECT_SPECS } from '../seed/projects';
import { readyForm } from './test-helpers';
import { APPROVAL_QUEUE_DEMO } from '../seed/approval-queue';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo applications (seed)', () => {
  it('covers every state of 程序一/二 with complete forms and gap-free numbers', async () => {
    const rows = await t.services.database.db.select().from(projects);
    const seeded = rows.filter((r) => DEMO_PROJECT_SPECS.some((s) => s.name === r.name));
    expect(seeded).toHaveLength(DEMO_PROJECT_SPECS.length);
    expect(new Set(seeded.map((r) => r.state))).toEqual(new Set(['draft', 'submitted', 'returned', 'withdrawn', 'not_recommended', 'recommended', 'under_review', 'approved', 'rejected']));
    const nos = seeded.filter((r) => r.applicationNo).map((r) => Number(r.applicationNo!.slice(-4))).sort((a, b) => a - b);
    expect(nos).toEqual(Array.from({ length: nos.length }, (_, i) => i + 1));
    for (const r of seeded) {
      const form = applicationFormSchema.parse(r.form);
      expect(form.project.name).toBe(r.name);
      expect(form.content.goals?.length).toBeGreaterThan(0);
      expect(form.unit.uscc).toBeTruthy();
    }
    expect(new Set(seeded.map((r) => r.recommenderOrgId)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives the demo applicant one draft, one submitted and one returned application with comments', async () => {
    const a = await t.login('demo_applicant');
    const list = await a.get('/api/applications?pageSize=50');
    expect(list.body.items.map((i: any) => i.state).sort()).toEqual(['draft', 'returned', 'submitted']);
    const returned = list.body.items.find((i: any) => i.state === 'returned');
    const detail = await a.get(`/api/applications/${returned.id}`);
    expect(detail.body.reviewComments.map((c: any) => c.label)).toEqual(expect.arrayContaining(['攻关目标与量化指标', '附件材料']));
    expect(detail.body.lastReason).toContain('补充完善');
    const rec = await t.login('demo_recommender');
    const recList = await rec.get('/api/applications?pageSize=50');
    expect(recList.body.items.map((i: any) => i.state)).toEqual(expect.arrayContaining(['submitted', 'returned']));
    expect(recList.body.items.map((i: any) => i.state)).not.toContain('draft');
  });

  it('continues the application numbers after the seeded ones', async () => {
    const a = await t.login('demo_applicant');
    const list = await a.get('/api/applications?state=draft');
    const draft = list.body.items[0];
    const form = await readyForm(t, a, 'demo_applicant', { name: draft.name });
    const current = await a.get(`/api/applications/${draft.id}`);
    form.content = current.body.form.content;
    const saved = await a.put(`/api/applications/${draft.id}/draft`, { version: current.body.version, form });
    const sub = await a.post(`/api/applications/${draft.id}/submit`, { version: saved.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    // The demo applications of every seed area that submits (projects-2026, then approval-queue).
    const seededCount = DEMO_PROJECT_SPECS.filter((s) => s.state !== 'draft').length + APPROVAL_QUEUE_DEMO.length;
    expect(sub.body.applicationNo).toBe(`SB2026-${String(seededCount + 1).padStart(4, '0')}`);
    const [row] = await t.services.database.db.select().from(projects).where(eq(projects.id, draft.id));
    expect(row.state).toBe('submitted');
  });
});
