/**
 * Zip packaging for batch downloads (e.g. all 申报书 of a recommender, all certificates).
 * Uses jszip (already in node_modules via docx/exceljs; must become a direct dependency).
 * jszip writes non-ASCII names as UTF-8 and sets general-purpose flag bit 11 (0x0800) plus the
 * Info-ZIP Unicode Path extra field, so Chinese file names open correctly in Windows Explorer,
 * macOS Archive Utility and `unzip`.
 */
import JSZip from 'jszip';

export interface ZipEntry {
  /** Path inside the archive; `/` separates folders, e.g. `申报书/降低减速器装配不良率.pdf`. */
  name: string;
  data: Buffer | Uint8Array;
  /** Modification time (default: `options.date`, else jszip's current time). */
  date?: Date;
}

/** Characters that are invalid in Windows file names, replaced by `_`. */
const INVALID = /[<>:"|?*\u0000-\u001f]/g;

/** Makes an archive path safe: no absolute paths, no `..`, no invalid characters, ≤ 200 chars per segment. */
export function safeZipPath(name: string): string {
  const segments = name
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => s.replace(INVALID, '_').trim())
    .filter((s) => s && s !== '.' && s !== '..')
    .map((s) => Array.from(s).slice(0, 200).join(''));
  return segments.join('/') || '未命名';
}

/** Appends `（2）`, `（3）`… before the extension when a name repeats. */
function dedupe(name: string, used: Set<string>): string {
  if (!used.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const slash = name.lastIndexOf('/');
  const [stem, ext] = dot > slash + 1 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) {
    const candidate = `${stem}（${i}）${ext}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Builds a zip archive. Already-compressed formats (pdf, docx, xlsx, png, jpg, zip) are stored,
 * everything else is deflated.
 */
export async function createZip(entries: ZipEntry[], options: { date?: Date } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const used = new Set<string>();
  for (const e of entries) {
    const name = dedupe(safeZipPath(e.name), used);
    used.add(name.toLowerCase());
    const compressed = /\.(pdf|docx|xlsx|pptx|png|jpe?g|gif|zip|gz|7z|rar|ofd)$/i.test(name);
    zip.file(name, e.data, {
      binary: true,
      date: e.date ?? options.date,
      compression: compressed ? 'STORE' : 'DEFLATE',
      compressionOptions: compressed ? undefined : { level: 6 },
    });
  }
  return zip.generateAsync({ type: 'nodebuffer', platform: 'DOS', streamFiles: false });
}
