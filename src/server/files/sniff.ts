/**
 * File types are decided by content, never by name (issue 3/7). Office files are zip containers:
 * they are opened to check their parts, refused when macro-enabled or when they would inflate far
 * beyond their size (zip bombs). PDFs with embedded JavaScript are refused.
 */
import { open, readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../app-error';

export type FileType = 'pdf' | 'png' | 'jpg' | 'docx' | 'xlsx' | 'zip';

export const MIME: Record<FileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export const TYPE_LABELS: Record<FileType, string> = { pdf: 'PDF', png: 'PNG 图片', jpg: 'JPG 图片', docx: 'Word（.docx）', xlsx: 'Excel（.xlsx）', zip: 'ZIP 压缩包' };

/** Largest total inflated size accepted per byte of an Office file (real files stay well under 20×). */
const MAX_INFLATE_RATIO = 100;
const MAX_INFLATED_BYTES = 300 * 1024 * 1024;

/** [Content_Types].xml of a real Office file is a few KB. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

const refuse = (internal: string, msg: string) => new AppError('unsupported_file', internal, msg);

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function sniffFile(path: string, size: number): Promise<FileType> {
  if (size === 0) throw refuse('empty', '文件为空，请重新选择');
  const h = await head(path, 8);
  if (h.subarray(0, 5).toString('latin1') === '%PDF-') {
    const found = pdfActiveContent(await readFile(path));
    if (found) throw refuse(`pdf active content ${found}`, 'PDF 文件包含脚本、自动动作或嵌入内容，出于安全原因无法接收，请另存为普通 PDF 后上传');
    return 'pdf';
  }
  if (h.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpg';
  if (h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04) return sniffZip(path, size);
  if (h.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw refuse('ole2', '不支持旧版 Office 格式（.doc/.xls），请另存为 .docx 或 .xlsx 后上传');
  }
  throw refuse('unknown type', '无法识别的文件类型，请上传 PDF、图片（JPG/PNG）、Word（.docx）或 Excel（.xlsx）文件');
}

/**
 * PDF names that run or carry something: scripts, launching programs, actions on opening or on
 * events (additional actions), embedded files and rich media. `/OpenAction` is allowed only as a
 * destination array (open at a page), never as an action.
 */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'AA', 'RichMedia', 'OpenAction']);
/** Regular characters of a PDF name token (ISO 32000-1 §7.3.5: up to white-space or a delimiter). */
const PDF_NAME = /\/([^\x00\t\n\f\r ()<>[\]{}/%]*)/g;
/** Inflated bytes of object streams examined per PDF, at most. */
const MAX_PDF_INFLATED = 64 * 1024 * 1024;

/** Decodes the `#xx` escapes of a name (`/J#61vaScript` is `/JavaScript`). */
export function decodePdfName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first active name found in `text` (already latin1), or null. */
function activeNameIn(text: string): string | null {
  for (const m of text.matchAll(PDF_NAME)) {
    const name = decodePdfName(m[1]);
    if (!ACTIVE_PDF_NAMES.has(name)) continue;
    // Open at a page ("/OpenAction [3 0 R /Fit]") is harmless; a dictionary or reference is an action.
    if (name === 'OpenAction' && /^\s*\[/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 64))) continue;
    return name;
  }
  return null;
}

/**
 * The active content of a PDF, or null: names are decoded before they are compared, and object
 * streams (PDF 1.5+ keeps dictionaries compressed inside them) are inflated — with a cap — and
 * examined too, so neither escapes nor compression hide a script (issue 13.4).
 */
export function pdfActiveContent(buf: Buffer): string | null {
  const text = buf.toString('latin1');
  const plain = activeNameIn(text);
  if (plain) return plain;
  let budget = MAX_PDF_INFLATED;
  const streamStart = /(?<!end)stream\r?\n/g;
  for (const m of text.matchAll(streamStart)) {
    const dictStart = text.lastIndexOf('obj', m.index);
    const dict = dictStart >= 0 ? text.slice(dictStart, m.index) : '';
    const names = [...dict.matchAll(PDF_NAME)].map((n) => decodePdfName(n[1]));
    if (!names.includes('ObjStm')) continue;
    if (!names.includes('FlateDecode')) return 'ObjStm (unsupported filter)';
    const from = m.index + m[0].length;
    const end = text.indexOf('endstream', from);
    if (end < 0) return 'ObjStm (unterminated)';
    let inflated: Buffer;
    try {
      inflated = inflateSync(buf.subarray(from, end), { maxOutputLength: Math.max(budget, 1), finishFlush: 2 /* Z_SYNC_FLUSH: tolerate trailing EOL */ });
    } catch {
      return 'ObjStm (undecodable or too large)';
    }
    budget -= inflated.length;
    const found = activeNameIn(inflated.toString('latin1'));
    if (found) return found;
  }
  return null;
}

async function sniffZip(path: string, size: number): Promise<FileType> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: false });
  } catch {
    throw refuse('bad zip', '文件已损坏，无法打开');
  }
  // JSZip normalises names while loading ("../../x" becomes "x"): judge the raw names of the
  // central directory instead (issue 13.8).
  const unsafe = unsafeZipEntryName(await readFile(path));
  if (unsafe !== null) throw refuse(`zip traversal ${JSON.stringify(unsafe)}`, '压缩包内含非法路径（如 “..”、绝对路径），无法接收');
  let inflated = 0;
  for (const f of Object.values(zip.files)) {
    inflated += ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
  }
  if (inflated > MAX_INFLATED_BYTES || inflated > Math.max(size, 1) * MAX_INFLATE_RATIO) throw refuse('zip bomb', '文件解压后体积异常，疑似压缩炸弹，无法接收');
  const names = Object.keys(zip.files);
  const contentTypes = zip.file('[Content_Types].xml');
  if (contentTypes) {
    // Declared sizes can lie: inflate with a hard cap instead of trusting them.
    const ct = await readCapped(contentTypes, MAX_CONTENT_TYPES_BYTES);
    if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(ct)) {
      throw refuse('macro', '文件包含宏，出于安全原因无法接收，请另存为不含宏的 .docx 或 .xlsx 后上传');
    }
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    throw refuse('unknown office', '无法识别的 Office 文件类型，请上传 .docx 或 .xlsx 文件');
  }
  return 'zip';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * The first entry name of the zip's central directory, as stored, that could leave the folder it
 * is extracted to (a `..` segment, an absolute or drive path, a NUL), or null when all are safe.
 * A central directory that cannot be read is refused as damaged.
 */
export function unsafeZipEntryName(buf: Buffer): string | null {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('zip: no central directory', '文件已损坏，无法打开');
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw refuse('zip64', '不支持该压缩格式（ZIP64），请用 Office 重新保存后上传');
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw refuse('zip: bad central directory', '文件已损坏，无法打开');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength > buf.length) throw refuse('zip: bad central directory', '文件已损坏，无法打开');
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    if (name.includes('\0') || /^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..')) return name;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

/** Inflates one zip entry, stopping (and refusing) as soon as it passes `cap` bytes. */
function readCapped(file: JSZip.JSZipObject, cap: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(err);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        if (size > cap) return fail(refuse('zip bomb (lying sizes)', '文件解压后体积异常，疑似压缩炸弹，无法接收'));
        chunks.push(chunk);
      })
      .on('error', () => fail(refuse('bad zip entry', '文件已损坏，无法打开')))
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks).toString('utf8'));
      })
      .resume();
  });
}

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (err: Error) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  resume(): JSZipStream;
  pause(): JSZipStream;
}
