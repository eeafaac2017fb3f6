/** Helpers for the document tests: read generated files back with poppler and jszip. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

/** Text of a PDF via `pdftotext` (poppler-utils). */
export function pdfText(pdf: Buffer, opts: { layout?: boolean; bbox?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongguan-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), ...(opts.bbox ? ['-bbox'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Number of pages of a PDF via `pdfinfo`. */
export function pdfPageCount(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'gongguan-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes all whitespace (pdftotext breaks lines where the layout wrapped them). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Reads one entry of a zip-based file (docx/xlsx) as text. */
export async function zipEntryText(file: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const entry = zip.file(name);
  if (!entry) throw new Error(`missing ${name}`);
  return entry.async('string');
}

/** Visible text of a WordprocessingML part (concatenated w:t contents). */
export function docxVisibleText(xml: string): string {
  return Array.from(xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1]).join('');
}
