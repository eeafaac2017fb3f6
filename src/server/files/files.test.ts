import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { tinyPdf } from '../../../test/support/tiny-pdf';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PDF = tinyPdf('files');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('files', () => {
  it('stores an upload by content hash, keeps the Chinese name, and serves it to its organisation', async () => {
    const a = await t.login('demo_applicant');
    const up = await a.upload('/api/files?purpose=attachment', '营业执照.pdf', PDF);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ name: '营业执照.pdf', mime: 'application/pdf', size: PDF.length });
    const again = await a.upload('/api/files?purpose=attachment', '营业执照副本.pdf', PDF);
    expect(again.body.sha256).toBe(up.body.sha256);
    const down = await a.get(`/api/files/${up.body.id}`);
    expect(down.status).toBe(200);
    expect(down.raw.equals(PDF)).toBe(true);
    expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent('营业执照.pdf'));
  });

  it('decides the type by content, not by name', async () => {
    const a = await t.login('demo_applicant');
    const png = await a.upload('/api/files', '扫描件.pdf', PNG);
    expect(png.status).toBe(200);
    expect(png.body.mime).toBe('image/png');
    const junk = await a.upload('/api/files', '申报书.pdf', Buffer.from('这不是一个PDF文件'));
    expect(junk.status).toBe(415);
    expect(junk.body.message).toContain('无法识别的文件类型');
  });

  it('accepts only a PDF as the stamped summary table', async () => {
    const a = await t.login('demo_recommender');
    const res = await a.upload('/api/files?purpose=stamped_summary', '汇总表盖章版.pdf', PNG);
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('PDF');
  });

  it('strips path parts from a file name', async () => {
    const a = await t.login('demo_applicant');
    const res = await a.upload('/api/files', '../../etc/专利证书.pdf', PDF);
    expect(res.body.name).toBe('专利证书.pdf');
  });

  it('hides another organisation’s file behind 404', async () => {
    const owner = await t.login('demo_applicant');
    const up = await owner.upload('/api/files', '检测报告.pdf', PDF);
    const other = await t.login('app_002');
    const res = await other.get(`/api/files/${up.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('记录不存在或无权访问');
    expect((await (await t.login('demo_commission')).get(`/api/files/${up.body.id}`)).status).toBe(200);
  });

  it('refuses an upload without a session', async () => {
    expect((await t.anonymous().upload('/api/files', 'x.pdf', PDF)).status).toBe(401);
  });
});
