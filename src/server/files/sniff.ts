/**
 * File types are decided by content, never by name (issue 3/7). Office files are zip containers:
 * they are opened to check their parts, refused when macro-enabled or when they would inflate far
 * beyond their size (zip bombs). PDFs with embedded JavaScript are refused.
 */
import { open, readFile } from 'node:fs/promises';
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
    const text = (await readFile(path)).toString('latin1');
    if (/\/(JavaScript|JS|Launch|EmbeddedFile)\b/.test(text)) throw refuse('pdf active content', 'PDF 文件包含脚本或嵌入内容，出于安全原因无法接收，请另存为普通 PDF 后上传');
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

async function sniffZip(path: string, size: number): Promise<FileType> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: false });
  } catch {
    throw refuse('bad zip', '文件已损坏，无法打开');
  }
  let inflated = 0;
  for (const f of Object.values(zip.files)) {
    inflated += ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
    if (f.name.includes('..') || f.name.startsWith('/')) throw refuse('zip traversal', '压缩包内含非法路径，无法接收');
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
