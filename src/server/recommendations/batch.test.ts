import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, files, notifications, projects, recommendationBatches } from '../db/schema';
import { docxVisibleText, zipEntryText } from '../documents/test-utils';
import { as, completeProject, forgetSessions, recommend } from './test-helpers';
import { tinyPdf } from '../../../test/support/tiny-pdf';

let t: TestApp;
// 东丽区 and 河东区 bureaus: districts without demo-seed projects, so the counts below are this file's own.
const DONGLI = '天津市东丽区市场监督管理局';
const names = { a: '降低信创服务器主板焊接缺陷率', b: '提高车联网测试设备标定效率', c: '降低航空部件热处理变形量', x: '降低燃油添加剂批次色度偏差' };
const ids: Record<string, string> = {};
const db = () => t.services.database.db;

beforeAll(async () => {
  t = await createTestApp();
  ids.a = (await completeProject(t, { applicant: 'app_007', name: names.a })).id;
  ids.b = (await completeProject(t, { applicant: 'app_010', name: names.b, direction: 'common' })).id;
  ids.c = (await completeProject(t, { applicant: 'app_033', name: names.c })).id;
  ids.x = (await completeProject(t, { applicant: 'app_022', name: names.x })).id;
  for (const k of ['a', 'b', 'c'] as const) await recommend(t, 'rec_120110', ids[k]);
  await recommend(t, 'rec_120102', ids.x);
});
afterAll(async () => t.close());

async function uploadStamped(agent: Agent, name = '立项申报汇总表（盖章版）.pdf') {
  const res = await agent.upload('/api/files?purpose=stamped_summary', name, tinyPdf(name), 'application/pdf');
  expect(res.status).toBe(200);
  return res.body.id as string;
}

async function rowNames(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as any);
  const ws = wb.getWorksheet('立项申报汇总表')!;
  const out: string[] = [];
  ws.eachRow((row, i) => i > 3 && out.push(String(row.getCell(2).value)));
  return out;
}

describe('composing the batch (recommender)', () => {
  it('shows the recommended projects in order with a readiness checklist', async () => {
    const rec = await as(t, 'rec_120110');
    const order = await rec.put('/api/recommender/order', { ids: [ids.c, ids.a, ids.b] });
    expect(order.status).toBe(200);
    const res = await rec.get('/api/recommender/batch');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'composing', recommenderName: DONGLI, campaignYear: 2026, stampedPdf: null, ready: false });
    expect(res.body.projects.map((p: any) => [p.name, p.recommendOrder])).toEqual([
      [names.c, 1],
      [names.a, 2],
      [names.b, 3],
    ]);
    const readiness = Object.fromEntries(res.body.readiness.map((r: any) => [r.key, r.ok]));
    expect(readiness).toMatchObject({ projects: true, order: true, stamped_pdf: false, window: true });
    expect(res.body.window.open).toBe(true);
  });

  it('renders the 汇总表 as Excel and Word with the rows in 推荐排序 and the contact', async () => {
    const rec = await as(t, 'rec_120110');
    const batch = (await rec.get('/api/recommender/batch')).body;
    const put = await rec.put('/api/recommender/batch', { version: batch.version, contactName: '刘晓梅', contactPhone: '022-65305678' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ contactName: '刘晓梅', contactPhone: '022-65305678', version: batch.version + 1 });
    expect((await rec.put('/api/recommender/batch', { version: batch.version, contactName: '张伟', contactPhone: '022-65305678' })).status).toBe(409);
    const badPhone = await rec.put('/api/recommender/batch', { version: batch.version + 1, contactName: '张伟', contactPhone: '6530' });
    expect(badPhone.status).toBe(400);

    const xlsx = await rec.get('/api/recommender/batch/summary.xlsx');
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toContain(encodeURIComponent(`2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.xlsx`));
    expect(await rowNames(xlsx.raw)).toEqual([names.c, names.a, names.b]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as any);
    const ws = wb.getWorksheet('立项申报汇总表')!;
    expect(ws.getCell(2, 1).value).toBe(`推荐单位（盖章）：${DONGLI}`);
    expect(ws.getCell(2, 5).value).toBe('联系人：刘晓梅');
    expect(ws.getCell(2, 9).value).toBe('联系电话：022-65305678');
    expect(ws.getCell(2, 12).value).toBe('填报日期：2026年4月10日');
    expect(ws.getRow(5).getCell(3).value).toBe('天津信创服务器制造有限公司');
    expect(ws.getRow(4).getCell(13).value).toBe(1);

    const docx = await rec.get('/api/recommender/batch/summary.docx');
    expect(docx.status).toBe(200);
    const text = docxVisibleText(await zipEntryText(docx.raw, 'word/document.xml'));
    expect(text).toContain(`推荐单位（盖章）：${DONGLI}`);
    expect(text).toContain('联系人：刘晓梅');
    const pos = [names.c, names.a, names.b].map((n) => text.indexOf(n));
    expect(pos.every((p) => p > 0)).toBe(true);
    expect(pos).toEqual([...pos].sort((x, y) => x - y));
  });

  it('accepts only the recommender’s own PDF as the stamped 汇总表', async () => {
    const rec = await as(t, 'rec_120110');
    const png = await rec.upload('/api/files?purpose=stamped_summary', '汇总表.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]), 'image/png');
    expect(png.status).toBe(415);
    // A Word file uploaded as an ordinary attachment and presented as the stamped copy.
    const docx = (await rec.get('/api/recommender/batch/summary.docx')).raw;
    const word = await rec.upload('/api/files?purpose=attachment', '汇总表（盖章版）.pdf', docx, 'application/pdf');
    expect(word.status).toBe(200);
    expect(word.body.mime).not.toBe('application/pdf');
    let batch = (await rec.get('/api/recommender/batch')).body;
    const refused = await rec.post('/api/recommender/batch/stamped', { version: batch.version, fileId: word.body.id });
    expect(refused.status).toBe(415);
    expect(refused.body.message).toContain('PDF');
    const pdfAsAttachment = await rec.upload('/api/files?purpose=attachment', '汇总表.pdf', tinyPdf('x'), 'application/pdf');
    expect((await rec.post('/api/recommender/batch/stamped', { version: batch.version, fileId: pdfAsAttachment.body.id })).status).toBe(400);
    const foreign = await uploadStamped(await as(t, 'rec_120101'));
    expect((await rec.post('/api/recommender/batch/stamped', { version: batch.version, fileId: foreign })).status).toBe(404);

    const fileId = await uploadStamped(rec);
    const ok = await rec.post('/api/recommender/batch/stamped', { version: batch.version, fileId });
    expect(ok.status).toBe(200);
    expect(ok.body.stampedPdf).toMatchObject({ fileId, name: '立项申报汇总表（盖章版）.pdf' });
    expect(ok.body.ready).toBe(true);
    batch = ok.body;
    expect(batch.readiness.find((r: any) => r.key === 'stamped_after_changes').ok).toBe(true);
  });

  it('keeps a composing batch from the commission and other recommenders', async () => {
    const rec = await as(t, 'rec_120110');
    const batch = (await rec.get('/api/recommender/batch')).body;
    const commission = await as(t, 'demo_commission');
    expect((await commission.get(`/api/commission/batches/${batch.id}`)).status).toBe(404);
    expect((await commission.get(`/api/commission/batches/${batch.id}/download.zip`)).status).toBe(404);
    expect((await commission.post(`/api/commission/batches/${batch.id}/receive`, { version: batch.version })).status).toBe(404);
    expect((await commission.get('/api/commission/batches?pageSize=200')).body.items.map((i: any) => i.id)).not.toContain(batch.id);
    const other = await as(t, 'rec_120101');
    expect((await other.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version })).status).toBe(404);
    expect((await other.get(`/api/recommender/batches/${batch.id}/download.zip`)).status).toBe(404);
    expect((await other.get('/api/recommender/batch')).body.id).not.toBe(batch.id);
    for (const u of ['demo_applicant', 'demo_expert', 'demo_commission']) {
      const a = await as(t, u);
      expect((await a.get('/api/recommender/batch')).status, u).toBe(403);
      expect((await a.get('/api/recommender/batch/summary.xlsx')).status, u).toBe(403);
      expect((await a.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version })).status, u).toBe(403);
    }
    for (const u of ['rec_120110', 'demo_applicant', 'demo_expert']) {
      const a = await as(t, u);
      expect((await a.get('/api/commission/batches')).status, u).toBe(403);
      expect((await a.get('/api/commission/recommenders')).status, u).toBe(403);
    }
  });
});

describe('sending (deadline, one transaction, idempotency)', () => {
  it('refuses one second after the deadline and accepts one second before; a retry is replayed', async () => {
    t.clock.set('2026-04-20T16:00:00Z'); // 2026-04-21 00:00:00 Beijing
    forgetSessions(t); // idle for ten days: log in again
    const late = await as(t, 'rec_120110');
    const batch = (await late.get('/api/recommender/batch')).body;
    expect(batch.window.open).toBe(false);
    expect(batch.ready).toBe(false);
    const refused = await late.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version }, { 'idempotency-key': 'send-dongli-late-0001' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('deadline_passed');
    expect(refused.body.message).toContain('2026年4月20日 23:59:59');
    expect((await db().select().from(projects).where(eq(projects.id, ids.a)))[0].state).toBe('recommended');

    t.clock.set('2026-04-20T15:59:58Z'); // 23:59:58 Beijing
    const key = { 'idempotency-key': 'send-dongli-2026-0001' };
    const sent = await late.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version }, key);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id: batch.id, state: 'sent', stateLabel: '已报送' });
    expect(sent.body.projects.map((p: any) => [p.name, p.state])).toEqual([
      [names.c, 'under_review'],
      [names.a, 'under_review'],
      [names.b, 'under_review'],
    ]);
    expect(sent.body.summaryDocx.name).toBe(`2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.docx`);

    const replay = await late.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version }, key);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.body).toEqual(sent.body);
    const again = await late.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version + 1 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该推荐批次已报送，不能重复报送');

    // One transaction did it all: batch, projects, stored documents, audit, notifications.
    const [row] = await db().select().from(recommendationBatches).where(eq(recommendationBatches.id, batch.id));
    expect(row).toMatchObject({ state: 'sent', projectCount: 3 });
    expect(row.sentAt!.toISOString()).toBe('2026-04-20T15:59:58.000Z');
    const stored = await db().select().from(files).where(eq(files.id, row.summaryXlsxFileId!));
    expect(await rowNames(await t.services.files.read(stored[0].storageKey))).toEqual([names.c, names.a, names.b]);
    const ps = await db().select().from(projects).where(eq(projects.batchId, batch.id));
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.state === 'under_review')).toBe(true);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, batch.id), eq(auditLog.action, 'send')))).toHaveLength(1);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'send_batch'), inArray(auditLog.entityId, [ids.a, ids.b, ids.c])))).toHaveLength(3);
    const commissionOrg = await orgOfUser(t, 'demo_commission');
    const cn = await db().select().from(notifications).where(eq(notifications.organisationId, commissionOrg.id));
    expect(cn.some((n) => n.title === '推荐单位已报送推荐批次' && n.body.includes('共3个项目'))).toBe(true);
    const an = await db().select().from(notifications).where(eq(notifications.organisationId, ps[0].applicantOrgId));
    expect(an.some((n) => n.title === '申报项目已报送市市场监管委')).toBe(true);

    // A project that left in a sent batch cannot be un-recommended.
    const un = await late.post(`/api/recommender/applications/${ids.a}/unrecommend`, { version: ps.find((p) => p.id === ids.a)!.version });
    expect(un.status).toBe(409);
    // The next batch is a new, empty composing batch that cannot be sent.
    const next = (await late.get('/api/recommender/batch')).body;
    expect(next).toMatchObject({ state: 'composing', projects: [], contactName: '刘晓梅' });
    expect(next.history.map((h: any) => h.state)).toEqual(['sent']);
    const empty = await late.post('/api/recommender/batch/send', { batchId: next.id, version: next.version });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toHaveProperty('projects');
    expect(empty.body.fields).toHaveProperty('stampedPdfFileId');
  });

  it('accepts a late batch only after the commission reopens the window for that recommender', async () => {
    t.clock.set('2026-04-21T10:00:00+08:00');
    forgetSessions(t);
    const rec = await as(t, 'rec_120102');
    const fileId = await uploadStamped(rec, '河东区汇总表（盖章版）.pdf');
    let batch = (await rec.get('/api/recommender/batch')).body;
    batch = (await rec.post('/api/recommender/batch/stamped', { version: batch.version, fileId })).body;
    expect(batch.projects.map((p: any) => p.name)).toEqual([names.x]);
    const refused = await rec.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('deadline_passed');

    const commission = await as(t, 'demo_commission');
    const campaign = await activeCampaign(db());
    const hedong = await orgOfUser(t, 'rec_120102');
    const reopen = await commission.post(`/api/campaigns/${campaign.id}/reopenings`, {
      window: 'application',
      organisationId: hedong.id,
      closesAt: '2026-04-24T23:59:59+08:00',
      reason: '河东区因系统故障未能按时报送，经核实同意补报',
    });
    expect(reopen.status).toBe(200);
    const view = (await rec.get('/api/recommender/batch')).body;
    expect(view.window).toMatchObject({ open: true, viaReopening: true });
    const sent = await rec.post('/api/recommender/batch/send', { batchId: batch.id, version: batch.version });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('sent');
    // Another recommender is still refused.
    const heping = await as(t, 'rec_120101');
    const hb = (await heping.get('/api/recommender/batch')).body;
    expect(hb.window.open).toBe(false);
  });
});

describe('commission side', () => {
  it('lists sent batches with completeness, filters, and the recommender overview', async () => {
    const commission = await as(t, 'commission_reviewer');
    const list = await commission.get('/api/commission/batches?pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.filter((i: any) => i.recommenderName === DONGLI || i.recommenderName === '天津市河东区市场监督管理局')).toHaveLength(2);
    const dongli = list.body.items.find((i: any) => i.recommenderName === DONGLI);
    expect(dongli).toMatchObject({ state: 'sent', projectCount: 3, recommenderKind: 'district_bureau', contactName: '刘晓梅', completeness: { complete: true } });
    expect(dongli.stampedPdfFileId).toBeTruthy();
    expect((await commission.get(`/api/commission/batches?q=${encodeURIComponent('河东')}`)).body.items.map((i: any) => i.recommenderName)).toEqual(['天津市河东区市场监督管理局']);
    const associations = (await commission.get('/api/commission/batches?recommenderKind=association&pageSize=200')).body.items;
    expect(associations.every((i: any) => i.recommenderKind === 'association')).toBe(true);
    expect((await commission.get('/api/commission/batches?state=received&pageSize=200')).body.items.every((i: any) => i.state === 'received')).toBe(true);
    const page = await commission.get('/api/commission/batches?pageSize=1&page=2');
    expect(page.body.items).toHaveLength(1);

    const detail = await commission.get(`/api/commission/batches/${dongli.id}`);
    expect(detail.body.projects.map((p: any) => p.name)).toEqual([names.c, names.a, names.b]);
    expect(detail.body.projects[0].recommendationOpinion).toContain('同意推荐');
    const stamped = await commission.get(`/api/files/${dongli.stampedPdfFileId}`);
    expect(stamped.status).toBe(200);

    const overview = await commission.get('/api/commission/recommenders');
    const bureaus = overview.body.items.filter((i: any) => i.kind === 'district_bureau');
    expect(overview.body.districtBureaus).toEqual({ total: 16, sent: bureaus.filter((i: any) => ['sent', 'received'].includes(i.batchStatus)).length });
    expect(overview.body.districtBureaus.sent).toBeGreaterThanOrEqual(2);
    const byName = Object.fromEntries(overview.body.items.map((i: any) => [i.name, i]));
    expect(byName[DONGLI]).toMatchObject({ batchStatus: 'sent', batchStatusLabel: '已报送', projectsSent: 3, batchesSent: 1 });
    // Bureaus that sent nothing (the demo's 立项审核 queue has batches from several districts) read 未报送.
    const silent = bureaus.filter((i: any) => i.batchStatus === 'not_sent');
    expect(silent.length).toBeGreaterThan(0);
    for (const b of silent) expect(b).toMatchObject({ batchStatusLabel: '未报送', batchesSent: 0, projectsSent: 0 });
    expect(overview.body.items.filter((i: any) => i.kind === 'association').length).toBeGreaterThan(0);
    expect((await commission.get('/api/commission/recommenders?kind=district_bureau')).body.items).toHaveLength(16);
  });

  it('downloads everything of a batch in one zip with Chinese names', async () => {
    const commission = await as(t, 'demo_commission');
    const [batch] = await db().select().from(recommendationBatches).where(and(eq(recommendationBatches.recommenderOrgId, (await orgOfUser(t, 'rec_120110')).id), eq(recommendationBatches.state, 'sent')));
    const res = await commission.get(`/api/commission/batches/${batch.id}/download.zip`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(`${DONGLI}推荐材料（2026年）.zip`));
    const zip = await JSZip.loadAsync(res.raw);
    const entries = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const root = `${DONGLI}推荐材料（2026年）`;
    expect(entries).toEqual(
      expect.arrayContaining([
        `${root}/汇总表/2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.docx`,
        `${root}/汇总表/2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.xlsx`,
        `${root}/汇总表/盖章版-2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.pdf`,
        `${root}/01-${names.c}/申报书-${names.c}.docx`,
        `${root}/02-${names.a}/申报书-${names.a}.docx`,
        `${root}/02-${names.a}/附件/营业执照（或法人登记证书）-营业执照（副本）.pdf`,
        `${root}/02-${names.a}/附件/申报单位承诺书（盖章扫描件）-申报单位承诺书（盖章）.pdf`,
        `${root}/03-${names.b}/申报书-${names.b}.docx`,
      ]),
    );
    expect(entries).toHaveLength(3 + 3 * 3);
    const summary = await zip.file(`${root}/汇总表/2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.docx`)!.async('nodebuffer');
    const text = docxVisibleText(await zipEntryText(summary, 'word/document.xml'));
    expect(text.indexOf(names.c)).toBeLessThan(text.indexOf(names.a));
    const application = await zip.file(`${root}/02-${names.a}/申报书-${names.a}.docx`)!.async('nodebuffer');
    expect(docxVisibleText(await zipEntryText(application, 'word/document.xml'))).toContain(names.a);
    const stamped = await zip.file(`${root}/汇总表/盖章版-2026年天津市质量攻关项目立项申报汇总表（${DONGLI}）.pdf`)!.async('nodebuffer');
    expect(stamped.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The recommender downloads its own sent batch; another recommender cannot.
    expect((await (await as(t, 'rec_120110')).get(`/api/recommender/batches/${batch.id}/download.zip`)).status).toBe(200);
    expect((await (await as(t, 'rec_120102')).get(`/api/recommender/batches/${batch.id}/download.zip`)).status).toBe(404);
  });

  it('receives a sent batch once (version checked) and refuses the recommender', async () => {
    const commission = await as(t, 'commission_reviewer');
    const [batch] = await db().select().from(recommendationBatches).where(and(eq(recommendationBatches.recommenderOrgId, (await orgOfUser(t, 'rec_120110')).id), eq(recommendationBatches.state, 'sent')));
    const rec = await as(t, 'rec_120110');
    expect((await rec.post(`/api/commission/batches/${batch.id}/receive`, { version: batch.version })).status).toBe(403);
    expect((await commission.post(`/api/commission/batches/${batch.id}/receive`, { version: batch.version - 1 })).status).toBe(409);
    const ok = await commission.post(`/api/commission/batches/${batch.id}/receive`, { version: batch.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'received', stateLabel: '已接收' });
    const again = await commission.post(`/api/commission/batches/${batch.id}/receive`, { version: ok.body.version });
    expect(again.status).toBe(409);
    const recOrg = await orgOfUser(t, 'rec_120110');
    const n = await db().select().from(notifications).where(eq(notifications.organisationId, recOrg.id));
    expect(n.some((x) => x.title === '推荐批次已被市市场监管委接收')).toBe(true);
    expect((await commission.get('/api/commission/recommenders')).body.items.find((i: any) => i.name === DONGLI).batchStatus).toBe('received');
  });

  it('returns a batch as a whole with a reason: projects back to recommended, re-sendable', async () => {
    const commission = await as(t, 'demo_commission');
    const hedong = await orgOfUser(t, 'rec_120102');
    const [batch] = await db().select().from(recommendationBatches).where(and(eq(recommendationBatches.recommenderOrgId, hedong.id), eq(recommendationBatches.state, 'sent')));
    const noReason = await commission.post(`/api/commission/batches/${batch.id}/return`, { version: batch.version, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('退回原因');
    const res = await commission.post(`/api/commission/batches/${batch.id}/return`, { version: batch.version, reason: '盖章版汇总表与Word版项目数量不一致' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('returned');
    const [p] = await db().select().from(projects).where(eq(projects.id, ids.x));
    expect(p).toMatchObject({ state: 'recommended', batchId: null, recommendOrder: 1 });
    expect((await commission.post(`/api/commission/batches/${batch.id}/return`, { version: res.body.version, reason: '重复退回测试' })).status).toBe(409);

    const rec = await as(t, 'rec_120102');
    const view = (await rec.get('/api/recommender/batch')).body;
    expect(view.state).toBe('composing');
    expect(view.id).not.toBe(batch.id);
    expect(view.projects.map((x: any) => x.name)).toEqual([names.x]);
    expect(view.history[0]).toMatchObject({ state: 'returned', returnReason: '盖章版汇总表与Word版项目数量不一致' });
    // Re-send within the reopening.
    const fileId = await uploadStamped(rec, '河东区汇总表（重新盖章）.pdf');
    const withPdf = (await rec.post('/api/recommender/batch/stamped', { version: view.version, fileId })).body;
    const resent = await rec.post('/api/recommender/batch/send', { batchId: withPdf.id, version: withPdf.version });
    expect(resent.status).toBe(200);
    expect(resent.body.projects.map((x: any) => x.state)).toEqual(['under_review']);
  });
});
