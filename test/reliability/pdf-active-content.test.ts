/**
 * Issue 13.4 — the PDF active-content filter decodes name escapes (`/J#61vaScript`) and looks
 * inside compressed object streams before deciding. One case per spelling; harmless PDFs (a
 * pdf-lib document with object streams, an "open at page 1" action) still pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePdfName, pdfActiveContent, sniffFile } from '../../src/server/files/sniff';
import { createTestApp, type TestApp } from '../support/test-app';

/** A small PDF whose catalog carries `catalogExtra` and whose object 3 is `obj3`. */
function rawPdf(catalogExtra: string, obj3 = '<</Type/Page/Parent 2 0 R>>'): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R${catalogExtra}>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj${obj3}endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A PDF whose action dictionary sits compressed inside an object stream (PDF 1.5+). */
function objectStreamPdf(hidden: string, typeName = '/Type/ObjStm'): Buffer {
  const body = Buffer.from(`5 0 ${hidden}`, 'latin1');
  const packed = deflateSync(body);
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R/Outlines 5 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n4 0 obj<<${typeName}/N 1/First 4/Filter/FlateDecode/Length ${packed.length}>>stream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  ]);
}

const REFUSED: [string, Buffer][] = [
  ['/JavaScript', rawPdf('/Names<</JavaScript 4 0 R>>')],
  ['/J#61vaScript (hex escape)', rawPdf('/Names<</J#61vaScript 4 0 R>>')],
  ['/#4A#61#76#61#53#63#72#69#70#74 (all escaped)', rawPdf('/Names<</#4A#61#76#61#53#63#72#69#70#74 4 0 R>>')],
  ['/JS', rawPdf('', '<</S/JavaScript/JS(app.alert\\(1\\))>>')],
  ['/J#53 (escaped /JS)', rawPdf('', '<</S/Named/J#53(app.alert\\(1\\))>>')],
  ['/OpenAction as a dictionary', rawPdf('/OpenAction<</S/URI/URI(http://example.invalid/)>>')],
  ['/OpenAction as a reference', rawPdf('/OpenAction 3 0 R')],
  ['/Open#41ction (escaped)', rawPdf('/Open#41ction<</S/GoTo/D[3 0 R/Fit]>>')],
  ['/AA (additional actions)', rawPdf('', '<</Type/Page/Parent 2 0 R/AA<</O 6 0 R>>>>')],
  ['/#41A (escaped /AA)', rawPdf('', '<</Type/Page/Parent 2 0 R/#41A<</O 6 0 R>>>>')],
  ['/Launch', rawPdf('', '<</S/Launch/F(cmd.exe)>>')],
  ['/L#61unch (escaped)', rawPdf('', '<</S/L#61unch/F(cmd.exe)>>')],
  ['/EmbeddedFile', rawPdf('', '<</Type/EmbeddedFile/Length 0>>')],
  ['/Embedded#46ile (escaped)', rawPdf('', '<</Type/Embedded#46ile/Length 0>>')],
  ['/EmbeddedFiles name tree', rawPdf('/Names<</EmbeddedFiles 4 0 R>>')],
  ['/JavaScript inside a compressed object stream', objectStreamPdf('<</S/JavaScript/JS(app.alert\\(1\\))>>')],
  ['/J#61vaScript inside an object stream with an escaped /Obj#53tm type', objectStreamPdf('<</S/J#61vaScript/JS(x)>>', '/Type/Obj#53tm')],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gg-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sniff(buf: Buffer) {
  const file = path.join(dir, `f${Math.random().toString(16).slice(2)}.pdf`);
  writeFileSync(file, buf);
  return sniffFile(file, buf.length);
}

describe('PDF active content (issue 13.4)', () => {
  it('decodes #xx escapes in names', () => {
    expect(decodePdfName('J#61vaScript')).toBe('JavaScript');
    expect(decodePdfName('#4A#53')).toBe('JS');
    expect(decodePdfName('A#23B')).toBe('A#B');
  });

  for (const [spelling, buf] of REFUSED) {
    it(`refuses ${spelling}`, async () => {
      expect(pdfActiveContent(buf), spelling).not.toBeNull();
      await expect(sniff(buf)).rejects.toMatchObject({ code: 'unsupported_file', userMessage: expect.stringContaining('PDF 文件包含脚本') });
    });
  }

  it('accepts harmless PDFs: a pdf-lib document (object streams), "open at page 1", and names that only start like a keyword', async () => {
    const doc = await PDFDocument.create();
    doc.setTitle('天津市质量攻关项目申报书');
    doc.addPage().drawText('Quality breakthrough 2026');
    const made = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(made.toString('latin1')).toContain('/ObjStm');
    for (const buf of [made, rawPdf('/OpenAction [3 0 R /Fit]'), rawPdf('/PageMode/UseNone/JSON 1/AAB 2/Launcher 3'), objectStreamPdf('<</Type/Page/Parent 2 0 R>>')]) {
      expect(pdfActiveContent(buf)).toBeNull();
      expect(await sniff(buf)).toBe('pdf');
    }
  });
});

describe('upload of an escaped-name PDF through POST /api/files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers 415 in Chinese and stores nothing', async () => {
    const agent = await t.login('demo_applicant');
    const before = (await t.services.database.executeSql('SELECT count(*)::int AS n FROM files')).rows[0] as { n: number };
    const res = await agent.upload('/api/files', '申报材料.pdf', rawPdf('/Names<</J#61vaScript 4 0 R>>'), 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('PDF 文件包含脚本');
    const after = (await t.services.database.executeSql('SELECT count(*)::int AS n FROM files')).rows[0] as { n: number };
    expect(after.n).toBe(before.n);
  });
});
