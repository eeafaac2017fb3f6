/**
 * Issue 13.7 — a recommender reads an applicant's file only through an application it may see
 * that references the file; not every file the organisation ever uploaded.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '../support/factories';
import { createTestApp, type Agent, type TestApp } from '../support/test-app';

let t: TestApp;
let applicant: Agent;

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

async function uploadPdf(name: string, text: string): Promise<string> {
  const res = await applicant.upload('/api/files?purpose=attachment', name, await pdf(text), 'application/pdf');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

/** References the file from the project's 申报书 (current form and its submitted version). */
async function attach(projectId: string, fileId: string, fileName: string) {
  const ref = JSON.stringify([{ kind: 'test_report', fileId, fileName }]);
  await t.services.database.executeSql(`UPDATE projects SET form = jsonb_set(form, '{attachments}', '${ref}'::jsonb) WHERE id = '${projectId}'`);
  await t.services.database.executeSql(`UPDATE project_versions SET form = jsonb_set(form, '{attachments}', '${ref}'::jsonb) WHERE project_id = '${projectId}'`);
}

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('demo_applicant');
});
afterAll(async () => t?.close());

describe('file visibility for recommenders (issue 13.7)', () => {
  it('lets the recommender read a file referenced by a submitted application, and nothing else of that organisation', async () => {
    const referenced = await uploadPdf('检测报告.pdf', 'Test report 2026');
    const unreferenced = await uploadPdf('内部财务报表.pdf', 'Internal finance 2026');
    const draftOnly = await uploadPdf('草稿附件.pdf', 'Draft attachment 2026');

    const submitted = await insertProject(t, { applicant: 'demo_applicant', state: 'submitted', name: '协作机器人关节减速器精度保持性攻关' });
    await attach(submitted.id, referenced, '检测报告.pdf');
    const draft = await insertProject(t, { applicant: 'demo_applicant', state: 'draft', name: '协作机器人力控精度提升攻关' });
    await attach(draft.id, draftOnly, '草稿附件.pdf');

    const recommender = await t.login('demo_recommender');
    expect(submitted.recommenderOrgId).toBe((await recommender.get('/api/auth/me')).body.user.organisation.id);
    const ok = await recommender.get(`/api/files/${referenced}`);
    expect(ok.status).toBe(200);
    expect(ok.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    for (const [what, id] of [['never referenced', unreferenced], ['referenced only by a draft', draftOnly]] as const) {
      const res = await recommender.get(`/api/files/${id}`);
      expect(res.status, what).toBe(404);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }

    // Another district's bureau sees none of them; the owner and the commission see all.
    const other = await t.login('rec_120101');
    expect((await other.get(`/api/files/${referenced}`)).status).toBe(404);
    for (const id of [referenced, unreferenced, draftOnly]) expect((await applicant.get(`/api/files/${id}`)).status).toBe(200);
  });
});
