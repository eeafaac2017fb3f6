import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createZip, safeZipPath } from './zip';

/** Offsets of local file headers (signature PK\x03\x04) in a zip buffer. */
function localHeaders(buf: Buffer): number[] {
  const out: number[] = [];
  for (let i = buf.indexOf('PK\x03\x04', 0, 'latin1'); i >= 0; i = buf.indexOf('PK\x03\x04', i + 4, 'latin1')) out.push(i);
  return out;
}

describe('createZip', () => {
  it('round-trips entries with Chinese names and sets the UTF-8 flag', async () => {
    const pdf = Buffer.from('%PDF-1.7 假装是PDF');
    const text = Buffer.from('推荐意见：同意推荐。\n'.repeat(50));
    const zipBuf = await createZip([
      { name: '申报书/降低协作机器人减速器装配不良率.pdf', data: pdf },
      { name: '2026年立项申报汇总表.txt', data: text },
    ]);
    const zip = await JSZip.loadAsync(zipBuf);
    expect(Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort()).toEqual(['2026年立项申报汇总表.txt', '申报书/降低协作机器人减速器装配不良率.pdf']);
    expect(Buffer.from(await zip.file('申报书/降低协作机器人减速器装配不良率.pdf')!.async('uint8array'))).toEqual(pdf);
    expect(await zip.file('2026年立项申报汇总表.txt')!.async('string')).toBe(text.toString());
    // Raw bytes: the names are stored as UTF-8 and general-purpose bit 11 is set.
    expect(zipBuf.includes(Buffer.from('降低协作机器人减速器装配不良率.pdf', 'utf8'))).toBe(true);
    const headers = localHeaders(zipBuf);
    expect(headers.length).toBeGreaterThanOrEqual(2);
    const chineseEntries = headers.filter((off) => {
      const nameLen = zipBuf.readUInt16LE(off + 26);
      const name = zipBuf.subarray(off + 30, off + 30 + nameLen).toString('utf8');
      return /[\u4e00-\u9fff]/.test(name);
    });
    expect(chineseEntries.length).toBeGreaterThanOrEqual(2);
    for (const off of chineseEntries) expect(zipBuf.readUInt16LE(off + 6) & 0x0800).toBe(0x0800);
  });

  it('sanitises paths and de-duplicates names', async () => {
    expect(safeZipPath('../../etc/passwd')).toBe('etc/passwd');
    expect(safeZipPath('C:\\证书\\a?.pdf')).toBe('C_/证书/a_.pdf');
    expect(safeZipPath('')).toBe('未命名');
    const zip = await JSZip.loadAsync(
      await createZip([
        { name: '证书.pdf', data: Buffer.from('a') },
        { name: '证书.pdf', data: Buffer.from('b') },
      ]),
    );
    expect(Object.keys(zip.files).sort()).toEqual(['证书.pdf', '证书（2）.pdf']);
    expect(await zip.file('证书（2）.pdf')!.async('string')).toBe('b');
  });
});
