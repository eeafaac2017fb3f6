/**
 * Issue 7 — malicious and broken uploads against POST /api/files. Types are decided by content;
 * every refusal is a clear Chinese message; the store keeps nothing of a refused upload (no temp,
 * no partial, no object, no `files` row, no audit entry) and never writes outside its root.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../support/test-app';
import { rowCounts } from './support/db-state';

const CJK = /[\u3400-\u9fff]/;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let applicant: Agent;
let storeRoot: string;
/** SHA-256 of every upload the platform accepted: the only objects allowed in the store. */
const accepted = new Set<string>();

async function pdf(text = '天津市质量攻关项目申报书'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('质量攻关');
  doc.addPage().drawText(text.replace(/[^\x20-\x7e]/g, '') || 'Quality breakthrough project 2026');
  return Buffer.from(await doc.save());
}

async function office(kind: 'docx' | 'docm' | 'xlsm', opts: { vba?: boolean; bombBytes?: number } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const main =
    kind === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
      : kind === 'docm'
        ? 'application/vnd.ms-word.document.macroEnabled.main+xml'
        : 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const part = kind === 'xlsm' ? '/xl/workbook.xml' : '/word/document.xml';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${main}"/>${opts.vba ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ''}</Types>`,
  );
  zip.file(part.slice(1), opts.bombBytes ? Buffer.alloc(opts.bombBytes, 0x20) : '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>质量攻关项目</w:t></w:r></w:p></w:body></w:document>');
  if (opts.vba) zip.file(kind === 'xlsm' ? 'xl/vbaProject.bin' : 'word/vbaProject.bin', randomBytes(2048));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Every regular file under dir, relative. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => statSync(path.join(dir, p)).isFile());
}

async function upload(name: string, data: Buffer, mime = 'application/octet-stream', agent = applicant) {
  const before = await rowCounts(t.services.database, ['files', 'audit_log']);
  const res = await agent.upload('/api/files', name, data, mime);
  const after = await rowCounts(t.services.database, ['files', 'audit_log']);
  if (res.status === 200) accepted.add(res.body.sha256);
  return { res, delta: { files: after.files - before.files, audit: after.audit_log - before.audit_log } };
}

async function expectRefused(name: string, data: Buffer, status: number, message: RegExp, mime?: string) {
  const { res, delta } = await upload(name, data, mime);
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body.code).toBeTypeOf('string');
  expect(res.body.message).toMatch(CJK);
  expect(res.body.message).toMatch(message);
  expect(delta, `${name}: nothing is recorded for a refused upload`).toEqual({ files: 0, audit: 0 });
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('demo_applicant');
  storeRoot = (t.services.files as unknown as { root: string }).root;
  expect(storeRoot && existsSync(storeRoot)).toBeTruthy();
});
afterAll(async () => t?.close());

describe('uploads: type by content', () => {
  it('accepts a real PDF, and a PNG named .pdf as a PNG (type is decided by content)', async () => {
    const a = await upload('项目申报书.pdf', await pdf(), 'application/pdf');
    expect(a.res.status).toBe(200);
    expect(a.res.body).toMatchObject({ name: '项目申报书.pdf', mime: 'application/pdf' });
    expect(a.delta).toEqual({ files: 1, audit: 1 });
    const b = await upload('营业执照.pdf', PNG, 'application/pdf');
    expect(b.res.status).toBe(200);
    expect(b.res.body.mime).toBe('image/png');
  });

  it('refuses a .pdf that is random bytes', async () => {
    await expectRefused('申报书.pdf', randomBytes(4096), 415, /无法识别的文件类型/, 'application/pdf');
  });

  it('refuses an empty file', async () => {
    await expectRefused('空文件.pdf', Buffer.alloc(0), 415, /文件为空/);
  });

  it('refuses a PDF with embedded JavaScript', async () => {
    const js = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</S/JavaScript/JS(app.alert\\("攻关"\\))>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      'latin1',
    );
    await expectRefused('带脚本的申报书.pdf', js, 415, /PDF 文件包含脚本/);
  });

  it('refuses a zip bomb posing as .docx', async () => {
    const bomb = await office('docx', { bombBytes: 60 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024); // compresses > 60:1, far beyond real documents
    await expectRefused('项目计划书.docx', bomb, 415, /压缩炸弹/, DOCX_MIME);
  });

  it('refuses a zip bomb whose headers lie about its sizes, without inflating it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    zip.file('word/document.xml', '<w:document/>');
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    // Claim 100 bytes uncompressed in the local header (offset 22) and the central directory (offset 24).
    buf.writeUInt32LE(100, 22);
    buf.writeUInt32LE(100, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    await expectRefused('申报材料.docx', buf, 415, /压缩炸弹|已损坏/, DOCX_MIME);
  });

  it('refuses macro-enabled Office files, also when renamed to .docx', async () => {
    await expectRefused('计划书.docm', await office('docm', { vba: true }), 415, /包含宏/, 'application/vnd.ms-word.document.macroEnabled.12');
    await expectRefused('经费预算.xlsm', await office('xlsm', { vba: true }), 415, /包含宏/, 'application/vnd.ms-excel.sheet.macroEnabled.12');
    await expectRefused('计划书.docx', await office('docm', { vba: true }), 415, /包含宏/, DOCX_MIME);
    // A macro-enabled content type without the VBA part is refused too.
    await expectRefused('计划书（改名）.docx', await office('docm'), 415, /包含宏/, DOCX_MIME);
  });

  it('accepts a plain .docx', async () => {
    const { res } = await upload('项目计划书.docx', await office('docx'), DOCX_MIME);
    expect(res.status).toBe(200);
    expect(res.body.mime).toBe(DOCX_MIME);
  });
});

describe('uploads: names', () => {
  it('keeps only the base name of a path-traversal name and writes nothing outside the store', async () => {
    // Where a traversal would land if the name were ever used as a path.
    const escapes = [path.resolve(storeRoot, '../x.pdf'), path.resolve(storeRoot, '../../x.pdf'), path.resolve(storeRoot, 'tmp/../../x.pdf'), '/etc/x.pdf'];
    const existed = escapes.filter((p) => existsSync(p));
    for (const name of ['../../x.pdf', '..\\..\\x.pdf', '/etc/passwd/../x.pdf', '....//....//x.pdf']) {
      const { res } = await upload(name, await pdf(`traversal ${name}`), 'application/pdf');
      expect(res.status, name).toBe(200);
      expect(res.body.name, name).toBe('x.pdf');
    }
    expect(escapes.filter((p) => existsSync(p))).toEqual(existed);
    expect(listFiles(storeRoot).some((p) => p.includes('x.pdf'))).toBe(false);
  });

  it('bounds very long names and strips control and bidi characters', async () => {
    const long = `${'天津市滨海新区协作机器人关键零部件质量攻关'.repeat(40)}.pdf`;
    const a = await upload(long, await pdf('long name'), 'application/pdf');
    expect(a.res.status).toBe(200);
    expect(Array.from(a.res.body.name as string).length).toBeLessThanOrEqual(120);
    expect(a.res.body.name).toMatch(/\.pdf$/);
    const b = await upload('申报\u0007书\u001b[31m\u202egpj.pdf', await pdf('control chars'), 'application/pdf');
    expect(b.res.status).toBe(200);
    // eslint-disable-next-line no-control-regex
    expect(b.res.body.name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
    expect(b.res.body.name).toContain('申报');
    const c = await upload('..', await pdf('dots'), 'application/pdf');
    expect(c.res.status).toBe(200);
    expect(c.res.body.name).toBe('未命名文件');
  });
});

describe('uploads: size', () => {
  it('refuses a file over the campaign limit with the limit in the message, keeping nothing', async () => {
    const admin = await t.login('demo_commission');
    const [{ id }] = (await t.services.database.executeSql('SELECT id FROM campaigns WHERE year = 2026')).rows;
    const campaign = (await admin.get(`/api/campaigns/${id}`)).body;
    const put = await admin.put(`/api/campaigns/${id}`, {
      version: campaign.version,
      title: campaign.title,
      documentNo: campaign.documentNo,
      status: campaign.status,
      config: { ...campaign.config, files: { ...campaign.config.files, maxBytes: 64 * 1024 } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const big = Buffer.concat([await pdf('big'), randomBytes(200 * 1024)]);
    const res = await expectRefused('大文件.pdf', big, 413, /超过上限/, 'application/pdf');
    expect(res.body.message).toMatch(/64 ?KB/);
    // Just under the limit still passes.
    const ok = await upload('小文件.pdf', await pdf('small'), 'application/pdf');
    expect(ok.res.status).toBe(200);
  });
});

describe('uploads: the store afterwards', () => {
  it('holds only content-addressed objects of accepted uploads, and an empty tmp/', async () => {
    const all = listFiles(storeRoot);
    const tmp = all.filter((p) => p.startsWith(`tmp${path.sep}`));
    expect(tmp, 'temp files left behind').toEqual([]);
    const objects = all.filter((p) => !p.startsWith(`tmp${path.sep}`));
    for (const p of objects) {
      const name = path.basename(p);
      expect(p, 'object path is <2>/<2>/<sha256>').toBe(path.join(name.slice(0, 2), name.slice(2, 4), name));
      expect(createHash('sha256').update(readFileSync(path.join(storeRoot, p))).digest('hex'), p).toBe(name);
    }
    expect(new Set(objects.map((p) => path.basename(p)))).toEqual(accepted);
    // Every row points at an existing object.
    const { rows } = await t.services.database.executeSql('SELECT storage_key FROM files');
    for (const r of rows) expect(await t.services.files.exists(r.storage_key)).toBe(true);
  });
});
