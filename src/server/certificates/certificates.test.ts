/**
 * 证书发放 (lifecycle.md: recognised projects get certificates; issued → void): the run started by
 * the commission, the job run in-process through the registered worker, void, downloads, and the
 * "refuses when…" cases.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject, orgOfUser } from '../../../test/support/factories';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { activeCampaign } from '../../../test/support/factories';
import { auditLog, campaigns, certificateRuns, certificates, files, notifications, projects } from '../db/schema';
import { pdfText, squash } from '../documents/test-utils';
import { registerWorkers } from '../jobs/workers';
import { runCertificateJob } from './certificate-run-job';

let t: TestApp;
let commission: Agent;
const db = () => t.services.database.db;
const names = {
  own: '降低协作机器人谐波减速器装配不良率',
  other: '提高药芯焊丝熔敷效率与一次合格率',
  third: '降低羽绒服充绒量偏差',
  evaluated: '提升车规级功率模块焊层可靠性',
};
const ids: Record<keyof typeof names, string> = {} as never;

async function recognised(applicant: string, name: string, level?: string) {
  const p = await insertProject(t, { applicant, state: 'recognised', name });
  if (level) await db().update(projects).set({ recognitionLevel: level }).where(eq(projects.id, p.id));
  return p.id;
}

async function certificateOf(projectId: string, state: 'issued' | 'void' = 'issued') {
  const [c] = await db().select().from(certificates).where(and(eq(certificates.projectId, projectId), eq(certificates.state, state)));
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  await registerWorkers(t.services, { env: {} });
  commission = await t.login('demo_commission');
});
afterAll(async () => t.close());

describe('starting a certificate run', () => {
  it('refuses when no project of the campaign is recognised', async () => {
    const res = await commission.post('/api/commission/certificates/runs');
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('还没有已认定（优秀成果）的项目');
  });

  it('refuses when the caller is not the commission (applicant, recommender, expert: 403)', async () => {
    for (const who of ['demo_applicant', 'demo_recommender', 'demo_expert']) {
      const agent = await t.login(who);
      expect((await agent.post('/api/commission/certificates/runs')).status).toBe(403);
      expect((await agent.get('/api/commission/certificates')).status).toBe(403);
    }
  });

  it('issues one certificate per recognised project: gap-free numbers, stored PDF, audit entry and notification each', async () => {
    ids.own = await recognised('demo_applicant', names.own, '一等');
    ids.other = await recognised('app_002', names.other);
    ids.third = await recognised('app_003', names.third);
    ids.evaluated = (await insertProject(t, { applicant: 'app_004', state: 'evaluated', name: names.evaluated })).id;

    const started = await commission.post('/api/commission/certificates/runs', {}, { 'idempotency-key': 'cert-run-1' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'queued', total: 3, issued: 0 });
    // A second start while it is queued answers the same run; one audit entry, one job.
    const again = await commission.post('/api/commission/certificates/runs');
    expect(again.body.id).toBe(started.body.id);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entity, 'certificate_run'), eq(auditLog.action, 'start')))).toHaveLength(1);
    expect(t.jobs.sent.filter((j) => j.name === 'certificate-run')).toHaveLength(1);

    await t.jobs.drain();
    const overview = await commission.get('/api/commission/certificates/overview');
    expect(overview.body).toMatchObject({ campaignYear: 2026, recognised: 3, issued: 3, pending: 0, run: { id: started.body.id, state: 'done', total: 3, issued: 3 } });

    const list = await commission.get('/api/commission/certificates?pageSize=50');
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((c: any) => c.certificateNo).sort()).toEqual(['TJZLGG-2026-YX-001', 'TJZLGG-2026-YX-002', 'TJZLGG-2026-YX-003']);
    expect(await certificateOf(ids.evaluated)).toBeUndefined();

    const own = await certificateOf(ids.own);
    const org = await orgOfUser(t, 'demo_applicant');
    expect(own.holderName).toBe(org.name);
    const [file] = await db().select().from(files).where(eq(files.id, own.fileId!));
    const bytes = await t.services.files.read(file.storageKey);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const text = squash(pdfText(bytes));
    expect(text).toContain(`证书编号：${own.certificateNo}`);
    expect(text).toContain(`${org.name}：`);
    expect(text).toContain(`“${names.own}”项目`);
    expect(text).toContain('（一等）');

    const issuedAudit = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'certificate'), eq(auditLog.action, 'issue')));
    expect(issuedAudit).toHaveLength(3);
    expect(issuedAudit[0].actorRole).toBe('commission');
    const notes = await db().select().from(notifications).where(eq(notifications.organisationId, org.id));
    expect(notes.some((n) => n.title === '优秀成果证书已发放' && n.body.includes(own.certificateNo))).toBe(true);
  });

  it('refuses when every recognised project already has its certificate', async () => {
    const res = await commission.post('/api/commission/certificates/runs');
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('证书均已发放');
  });

  it('searches and filters the list', async () => {
    const res = await commission.get(`/api/commission/certificates?q=${encodeURIComponent('药芯焊丝')}`);
    expect(res.body.items.map((c: any) => c.projectName)).toEqual([names.other]);
    expect((await commission.get('/api/commission/certificates?state=void')).body.total).toBe(0);
  });
});

describe('downloads', () => {
  it('lets the applicant download its own issued certificate and answers 404 for another unit’s', async () => {
    const applicant = await t.login('demo_applicant');
    const mine = await applicant.get('/api/applicant/certificates');
    expect(mine.body.items.map((c: any) => c.projectName)).toEqual([names.own]);
    const own = await certificateOf(ids.own);
    const dl = await applicant.get(`/api/applicant/certificates/${own.id}/download`);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(squash(pdfText(dl.raw))).toContain(names.own);

    const other = await certificateOf(ids.other);
    const refused = await applicant.get(`/api/applicant/certificates/${other.id}/download`);
    expect(refused.status).toBe(404);
    expect(refused.raw.toString('utf8')).not.toContain(names.other);
    // Nor through the generic file route: the file belongs to the commission.
    expect([403, 404]).toContain((await applicant.get(`/api/files/${own.fileId}`)).status);
  });

  it('gives the commission any certificate and a zip of all issued ones', async () => {
    const other = await certificateOf(ids.other);
    expect((await commission.get(`/api/commission/certificates/${other.id}/download`)).status).toBe(200);
    const zipRes = await commission.get('/api/commission/certificates/download.zip');
    expect(zipRes.status).toBe(200);
    const zip = await JSZip.loadAsync(zipRes.raw);
    const entries = Object.keys(zip.files).sort();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatch(/^TJZLGG-2026-YX-001（.+）\.pdf$/);
  });
});

describe('void and re-issue', () => {
  it('refuses without a reason, refuses a stale version, voids with reason, refuses to void twice', async () => {
    const c = await certificateOf(ids.third);
    const noReason = await commission.post(`/api/commission/certificates/${c.id}/void`, { version: c.version, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.reason).toContain('作废原因');
    const stale = await commission.post(`/api/commission/certificates/${c.id}/void`, { version: c.version + 1, reason: '单位名称变更，需按新名称重新发放' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const applicant = await t.login('app_003');
    expect((await applicant.post(`/api/commission/certificates/${c.id}/void`, { version: c.version, reason: '单位名称变更' })).status).toBe(403);

    const ok = await commission.post(`/api/commission/certificates/${c.id}/void`, { version: c.version, reason: '单位名称变更，需按新名称重新发放' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'void', stateLabel: '已作废', voidReason: '单位名称变更，需按新名称重新发放', version: c.version + 1 });
    expect(ok.body.voidedAt).toBeTruthy();
    const twice = await commission.post(`/api/commission/certificates/${c.id}/void`, { version: ok.body.version, reason: '重复操作测试' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已作废');
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'void')))).toHaveLength(1);

    // The holder no longer downloads a void certificate (404), the commission still can.
    expect((await applicant.get(`/api/applicant/certificates/${c.id}/download`)).status).toBe(404);
    expect((await commission.get(`/api/commission/certificates/${c.id}/download`)).status).toBe(200);
  });

  it('answers 404 for an unknown certificate', async () => {
    const res = await commission.post('/api/commission/certificates/4f1c2b7e-9d3a-4c5b-8e6f-1a2b3c4d5e6f/void', { version: 1, reason: '测试不存在的证书' });
    expect(res.status).toBe(404);
  });

  it('re-issues the voided project under a new number; the void one keeps its number', async () => {
    const run = await commission.post('/api/commission/certificates/runs');
    expect(run.body).toMatchObject({ state: 'queued', total: 1 });
    await t.jobs.drain();
    const fresh = await certificateOf(ids.third);
    expect(fresh.certificateNo).toBe('TJZLGG-2026-YX-004');
    expect((await certificateOf(ids.third, 'void')).certificateNo).toBe('TJZLGG-2026-YX-003');
  });
});

describe('resuming', () => {
  it('a job that fails midway leaves only complete certificates; the retry issues the rest, numbers still gap-free', async () => {
    const more = [
      await recognised('app_005', '降低家装定制柜门板色差投诉率'),
      await recognised('app_006', '提高富硒大米硒含量稳定性'),
      await recognised('app_008', '降低电动自行车控制器返修率'),
    ];
    const started = await commission.post('/api/commission/certificates/runs');
    t.jobs.sent.length = 0; // run the job by hand below, as pg-boss would (first attempt, then the retry)
    let calls = 0;
    await expect(
      runCertificateJob(t.services, started.body.id, {
        afterIssue: async () => {
          if (++calls === 1) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const [failed] = await db().select().from(certificateRuns).where(eq(certificateRuns.id, started.body.id));
    expect(failed).toMatchObject({ state: 'failed', issued: 1, error: 'worker killed' });
    expect((await db().select().from(certificates).where(inArray(certificates.projectId, more))).every((c) => c.fileId)).toBe(true);

    await runCertificateJob(t.services, started.body.id);
    const [done] = await db().select().from(certificateRuns).where(eq(certificateRuns.id, started.body.id));
    expect(done).toMatchObject({ state: 'done', issued: 3, error: null });
    const all = await db().select({ no: certificates.certificateNo }).from(certificates);
    expect(all.map((c) => c.no).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `TJZLGG-2026-YX-00${i + 1}`));
  });

  it('a new start closes a failed run, whose late retry then does nothing; the new run issues the rest', async () => {
    const more = [await recognised('app_009', '提高光伏组件层压工序一次合格率'), await recognised('app_011', '降低车用柴油冷滤点批次波动')];
    const first = await commission.post('/api/commission/certificates/runs');
    t.jobs.sent.length = 0;
    await expect(runCertificateJob(t.services, first.body.id, { afterIssue: async () => { throw new Error('磁盘已满'); } })).rejects.toThrow('磁盘已满');
    const second = await commission.post('/api/commission/certificates/runs');
    expect(second.status).toBe(200);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.total).toBe(1);
    const [closed] = await db().select().from(certificateRuns).where(eq(certificateRuns.id, first.body.id));
    expect(closed).toMatchObject({ state: 'done', error: '已由新的发放替代', issued: 1 });
    await runCertificateJob(t.services, first.body.id); // the late pg-boss retry of the old run
    await t.jobs.drain();
    const [done] = await db().select().from(certificateRuns).where(eq(certificateRuns.id, second.body.id));
    expect(done).toMatchObject({ state: 'done', issued: 1 });
    expect((await db().select().from(certificates).where(inArray(certificates.projectId, more))).map((c) => c.certificateNo).sort()).toEqual(['TJZLGG-2026-YX-008', 'TJZLGG-2026-YX-009']);
  });

  it('numbers in the campaign’s own 证书编号格式, continuing the sequence', async () => {
    const campaign = await activeCampaign(db());
    await db().update(campaigns).set({ config: { ...(campaign.config as object), certificateNoFormat: '津质攻证{year}第{nnnn}号' } }).where(eq(campaigns.id, campaign.id));
    const id = await recognised('app_012', '提升生物制造发酵批次收率一致性');
    await commission.post('/api/commission/certificates/runs');
    await t.jobs.drain();
    expect((await certificateOf(id)).certificateNo).toBe('津质攻证2026第0010号');
    const pdf = await commission.get(`/api/commission/certificates/${(await certificateOf(id)).id}/download`);
    expect(squash(pdfText(pdf.raw))).toContain('证书编号：津质攻证2026第0010号');
  });
});
