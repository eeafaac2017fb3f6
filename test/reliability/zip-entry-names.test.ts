/**
 * Issue 13.8 — docx/xlsx uploads whose zip entries would leave their folder when extracted. JSZip
 * normalises `../../x` to `x` while loading, so the check reads the raw central-directory names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffFile, unsafeZipEntryName } from '../../src/server/files/sniff';
import { createTestApp, type TestApp } from '../support/test-app';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCUMENT = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>质量攻关项目申报书</w:t></w:r></w:p></w:body></w:document>';

async function docx(extra?: string, kind: 'docx' | 'xlsx' = 'docx'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', kind === 'docx' ? CONTENT_TYPES : CONTENT_TYPES.replace('/word/document.xml', '/xl/workbook.xml'));
  zip.file(kind === 'docx' ? 'word/document.xml' : 'xl/workbook.xml', DOCUMENT);
  if (extra) zip.file(extra, '<x>攻关</x>', { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const TRAVERSALS = ['../../../tmp/gongguan-evil.xml', 'word/../../evil.xml', '..\\..\\evil.xml', '/etc/gongguan-evil.xml', 'C:/Windows/evil.xml'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gg-zip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sniff(buf: Buffer) {
  const file = path.join(dir, `f${Math.random().toString(16).slice(2)}.docx`);
  writeFileSync(file, buf);
  return sniffFile(file, buf.length);
}

describe('zip entry names (issue 13.8)', () => {
  for (const name of TRAVERSALS) {
    it(`refuses a docx with the entry ${JSON.stringify(name)}`, async () => {
      const buf = await docx(name);
      // The raw name really is in the file (and JSZip would hide it when loading).
      expect(buf.includes(Buffer.from(name))).toBe(true);
      expect(unsafeZipEntryName(buf)).toBe(name);
      await expect(sniff(buf)).rejects.toMatchObject({ code: 'unsupported_file', userMessage: expect.stringContaining('非法路径') });
    });
  }

  it('refuses an xlsx with a traversal entry too', async () => {
    await expect(sniff(await docx('../evil.xml', 'xlsx'))).rejects.toMatchObject({ userMessage: expect.stringContaining('非法路径') });
  });

  it('accepts ordinary docx and xlsx, also with names that merely contain two dots', async () => {
    expect(await sniff(await docx('word/media/图..1.xml'))).toBe('docx');
    expect(await sniff(await docx(undefined, 'xlsx'))).toBe('xlsx');
  });

  it('refuses a truncated zip whose central directory is missing', async () => {
    const buf = await docx();
    await expect(sniff(buf.subarray(0, buf.length - 30))).rejects.toMatchObject({ code: 'unsupported_file' });
  });
});

describe('upload of a traversal docx through POST /api/files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 415 in Chinese and records nothing', async () => {
    const agent = await t.login('demo_applicant');
    const before = (await t.services.database.executeSql('SELECT count(*)::int AS n FROM files')).rows[0] as { n: number };
    const res = await agent.upload('/api/files', '质量攻关申报书.docx', await docx('../../../tmp/gongguan-evil.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('非法路径');
    const after = (await t.services.database.executeSql('SELECT count(*)::int AS n FROM files')).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });
});
