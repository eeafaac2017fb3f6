import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { emptyApplicationForm } from '../../domain/application-form';
import { renderApplicationDocx } from './application-docx';
import { renderApplicationPdf } from './application-pdf';
import { buildApplicationDocument, COMMITMENT_TEXT } from './application-content';
import { buildCommonApplication, buildPreciseApplication, FIXTURE_LEAD_ID } from './fixtures';
import { maskIdNumber } from './format';
import { docxVisibleText, pdfPageCount, pdfText, squash, zipEntryText } from './test-utils';

const SECTION_HEADINGS = [
  '一、申报单位基本情况',
  '二、项目基本情况',
  '三、项目内容',
  '四、项目组成员',
  '五、联合体成员',
  '六、预期效益',
  '七、已有基础',
  '八、运用的质量基础设施',
  '九、承诺与意见',
  '附件清单',
];

const precise = {
  form: buildPreciseApplication(),
  campaignYear: 2026,
  recommenderName: '天津市滨海新区市场监督管理局',
  submittedAt: '2026-04-10',
  labels: { vetoItems: { no_major_accident: '近两年未发生重大质量、安全、环境事故' } },
};

describe('application content model', () => {
  it('masks every ID number and keeps the raw one out of the model', () => {
    const model = buildApplicationDocument(precise);
    const json = JSON.stringify(model);
    expect(json).not.toContain(FIXTURE_LEAD_ID);
    expect(json).toContain(maskIdNumber(FIXTURE_LEAD_ID));
    expect(maskIdNumber(FIXTURE_LEAD_ID)).toBe(`1201**********${FIXTURE_LEAD_ID.slice(-4)}`);
  });

  it('fills the cover and uses label overrides', () => {
    const model = buildApplicationDocument({ ...precise, applicationNo: 'TJZLGG-2026-0123' });
    expect(model.cover.title).toBe('天津市质量攻关项目申报书');
    expect(model.cover.number).toBe('TJZLGG-2026-0123');
    expect(model.cover.fields.map((f) => f.label)).toEqual(['项目名称', '申报单位（盖章）', '推荐单位', '申报方向', '填报日期']);
    expect(model.cover.fields[4].value).toBe('2026年4月10日');
    expect(JSON.stringify(model.body)).toContain('近两年未发生重大质量、安全、环境事故');
  });

  it('tolerates an empty draft', () => {
    const model = buildApplicationDocument({ form: emptyApplicationForm(), campaignYear: 2026 });
    expect(model.body.length).toBeGreaterThan(10);
    expect(model.cover.fields[4].value).toContain('年');
  });
});

describe('renderApplicationDocx', () => {
  it('writes an A4 Word file with the cover, all sections and masked ID numbers', async () => {
    const buf = await renderApplicationDocx(precise);
    const xml = await zipEntryText(buf, 'word/document.xml');
    const text = docxVisibleText(xml);
    expect(text).toContain('天津市质量攻关项目申报书');
    expect(text).toContain('（由市市场监管委填写）');
    expect(text).toContain('降低协作机器人减速器装配不良率');
    expect(text).toContain('申报单位（盖章）');
    expect(text).toContain('天津市滨海新区市场监督管理局');
    for (const h of SECTION_HEADINGS) expect(text).toContain(h);
    expect(text).toContain(maskIdNumber(FIXTURE_LEAD_ID));
    expect(xml).not.toContain(FIXTURE_LEAD_ID);
    expect(text).toContain(COMMITMENT_TEXT);
    expect(text).toContain('推荐单位意见');
    expect(text).toContain('■提质增效');
    expect(text).toContain('本项目为质量精准提升攻关项目，不适用。');
    expect(text).toContain('营业执照（或法人登记证书）');
    // eastAsia fonts and A4 page size
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    const styles = await zipEntryText(buf, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="宋体"');
    // footer page numbers
    const footers = Object.keys((await JSZip.loadAsync(buf)).files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    const footerXml = (await Promise.all(footers.map((n) => zipEntryText(buf, n)))).join('');
    expect(footerXml).toContain('SECTIONPAGES');
  });

  it('lists the consortium for a common-technology project', async () => {
    const buf = await renderApplicationDocx({ form: buildCommonApplication(), campaignYear: 2026 });
    const text = docxVisibleText(await zipEntryText(buf, 'word/document.xml'));
    expect(text).toContain('质量共性技术攻关');
    expect(text).toContain('链主企业');
    expect(text).toContain('天津市产品质量监督检测技术研究院');
    expect(text).toContain('河北省保定市');
    expect(text).not.toContain('不适用');
  });
});

describe('renderApplicationPdf', () => {
  it('writes a PDF whose text contains the form content and no raw ID number', async () => {
    const buf = await renderApplicationPdf(precise);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(buf);
    const flat = squash(text);
    expect(flat).toContain('天津市质量攻关项目申报书');
    expect(flat).toContain('项目名称');
    expect(flat).toContain('降低协作机器人减速器装配不良率');
    for (const h of SECTION_HEADINGS) expect(flat).toContain(h);
    expect(flat).toContain(maskIdNumber(FIXTURE_LEAD_ID));
    expect(flat).not.toContain(FIXTURE_LEAD_ID);
    expect(flat).toContain(squash(COMMITMENT_TEXT));
    const pages = pdfPageCount(buf);
    // The cover is not numbered.
    expect(flat).toContain(`第1页共${pages - 1}页`);
    expect(flat).not.toContain(`共${pages}页`);
    expect(buf.length).toBeLessThan(400_000);
  });

  it('renders the common-technology fixture', async () => {
    const flat = squash(pdfText(await renderApplicationPdf({ form: buildCommonApplication(), campaignYear: 2026 })));
    expect(flat).toContain('提高智能网联汽车域控制器焊点可靠性');
    expect(flat).toContain('天津市汽车工业协会');
  });
});

describe('empty draft rendering', () => {
  it('renders both formats from an empty form', async () => {
    const input = { form: emptyApplicationForm(), campaignYear: 2027 };
    const flat = squash(pdfText(await renderApplicationPdf(input)));
    expect(flat).toContain('（2027年度）');
    const text = docxVisibleText(await zipEntryText(await renderApplicationDocx(input), 'word/document.xml'));
    expect(text).toContain('一、申报单位基本情况');
  });
});
