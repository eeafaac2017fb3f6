import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { collectChars, createCjkPdf, loadCjkFont, subsetCjkFont, TextMeasurer, tokenize, wrapText } from './pdf';
import { pdfPageCount, pdfText, squash } from './test-utils';

async function measurer(text: string): Promise<TextMeasurer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await subsetCjkFont(text), { subset: false });
  return new TextMeasurer(font);
}

describe('font loading and subsetting', () => {
  it('loads the vendored font once per process', async () => {
    const a = await loadCjkFont();
    const b = await loadCjkFont();
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(5_000_000);
  });

  it('subsets to the used characters plus ASCII', async () => {
    const sub = await subsetCjkFont('天津市质量攻关');
    expect(sub.length).toBeLessThan(200_000);
    expect(collectChars('天天津')).toContain('津');
    expect(collectChars('')).toContain('A');
    expect(collectChars('')).toContain('第');
  });
});

describe('line breaking', () => {
  it('keeps Latin words and numbers together and glues punctuation', () => {
    expect(tokenize('装配不良率3.8%，')).toEqual(['装', '配', '不', '良', '率', '3.8%，']);
    expect(tokenize('（PDCA）循环')).toEqual(['（PDCA）', '循', '环']);
    expect(tokenize('用MES系统')).toEqual(['用', 'MES', '系', '统']);
  });

  it('never starts a line with closing punctuation', async () => {
    const text = '降低协作机器人减速器装配不良率，提高一次装配合格率。'.repeat(20);
    const m = await measurer(text);
    for (const width of [61, 83, 100, 137, 200]) {
      const lines = wrapText(m, text, 10.5, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) {
        expect(l.text).not.toMatch(/^[，。、；：？！）】》”]/);
        expect(m.width(l.text, 10.5)).toBeLessThanOrEqual(width + 10.5 + 0.01); // one glued punctuation may overhang
      }
      expect(lines.map((l) => l.text).join('')).toBe(text);
    }
  });

  it('applies the first-line indent and hard line breaks', async () => {
    const m = await measurer('第一段第二段');
    const lines = wrapText(m, '第一段\n第二段', 10.5, 300, 21);
    expect(lines).toEqual([
      { text: '第一段', indent: 21 },
      { text: '第二段', indent: 21 },
    ]);
  });

  it('breaks an over-long token by character', async () => {
    const url = 'https://scjg.tj.gov.cn/tjsscjdglwyh_52651/zwgk/zfgznew/bdwwjnew/gzwjnew_1/202304/t20230412_6185374.html';
    const m = await measurer(url);
    const lines = wrapText(m, url, 10, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.text).join('')).toBe(url);
  });
});

describe('createCjkPdf', () => {
  it('renders headings, paragraphs and a multi-page table with repeated header and page numbers', async () => {
    const pdf = createCjkPdf({ title: '测试文档' });
    pdf.heading('表格分页测试', 0).paragraph('这是一个用于验证中文换行、表格分页和页码的测试段落。'.repeat(6), { indent: 2 });
    pdf.table({
      columns: [
        { header: '序号', width: 10, align: 'center' },
        { header: '项目名称', width: 50 },
        { header: '申报单位', width: 40 },
      ],
      rows: Array.from({ length: 120 }, (_, i) => [String(i + 1), `降低第${i + 1}号产品装配不良率`, '天津瀚海精密传动科技有限公司']),
    });
    pdf.box({ lines: [{ text: '推荐单位意见：' }, { text: '推荐单位（盖章）', align: 'right' }], minHeight: 120 });
    const buf = await pdf.render();
    const pages = pdfPageCount(buf);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(buf);
    const flat = squash(text);
    expect(flat).toContain('表格分页测试');
    expect(flat).toContain('降低第120号产品装配不良率');
    expect(flat).toContain('推荐单位（盖章）');
    expect(flat).toContain(`第1页共${pages}页`);
    expect(flat).toContain(`第${pages}页共${pages}页`);
    // The header row is repeated on every page the table spans.
    expect(text.split('项目名称').length - 1).toBeGreaterThanOrEqual(pages - 1);
  });

  it('splits a table row taller than a page across pages', async () => {
    const long = '质量攻关过程记录。'.repeat(900);
    const pdf = createCjkPdf({ pageNumbers: false });
    pdf.table({ columns: [{ header: '阶段', width: 15 }, { header: '内容', width: 85 }], rows: [['计划（P）', long]] });
    const buf = await pdf.render();
    expect(pdfPageCount(buf)).toBeGreaterThan(1);
    expect(squash(pdfText(buf))).toContain('质量攻关过程记录。质量攻关过程记录。');
  });

  it('keeps digit widths right in every context (no GSUB substitution with unknown widths)', async () => {
    const sub = await subsetCjkFont('大小');
    const tables = (fontkit.create(sub) as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
    expect(tables.glyf).toBeDefined();
    expect(tables.GSUB).toBeUndefined();
    const pdf = createCjkPdf({ pageNumbers: false });
    pdf.paragraph('文件大小 470.8 KB', { size: 10 });
    const html = pdfText(await pdf.render(), { bbox: true });
    const m = /xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>470\.8</.exec(html);
    expect(m).not.toBeNull();
    const width = Number(m![2]) - Number(m![1]);
    expect(width).toBeGreaterThan(20);
    expect(width).toBeLessThan(32); // 4 digits × 5.55 + dot 2.78 ≈ 25 pt; broken widths gave ≈ 50 pt
  });

  it('draws fixed pages with top-left coordinates', async () => {
    const pdf = createCjkPdf({ landscape: true, pageNumbers: false });
    pdf.fixedPage((p) => {
      expect(p.width).toBeGreaterThan(p.height);
      p.rect(20, 20, p.width - 40, p.height - 40, { borderWidth: 2 });
      p.text('居中标题', p.width / 2, 100, { size: 24, align: 'center', bold: true });
      p.textBox('自动换行的文本框内容'.repeat(10), { x: 100, y: 150, width: 300 }, { size: 12 });
    });
    const buf = await pdf.render();
    expect(pdfPageCount(buf)).toBe(1);
    const flat = squash(pdfText(buf));
    expect(flat).toContain('居中标题');
    expect(flat).toContain('自动换行的文本框内容');
  });
});
