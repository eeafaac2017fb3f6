import { describe, expect, it } from 'vitest';
import { CERTIFICATE_TITLE, certificateText, renderCertificatePdf, renderPublicityListPdf } from './certificate-pdf';
import { pdfPageCount, pdfText, squash } from './test-utils';

const cert = {
  certificateNo: 'TJZLGG-2026-YX-0001',
  unitName: '天津瀚海精密传动科技有限公司',
  projectName: '降低协作机器人减速器装配不良率',
  level: '一等',
  year: 2026,
  issuedDate: '2026-11-20',
  issuer: '天津市市场监督管理委员会' as const,
};

describe('renderCertificatePdf', () => {
  it('renders one landscape page under 200 KB with the certificate text', async () => {
    const buf = await renderCertificatePdf(cert);
    expect(buf.length).toBeLessThan(200 * 1024);
    expect(pdfPageCount(buf)).toBe(1);
    const flat = squash(pdfText(buf));
    expect(flat).toContain(CERTIFICATE_TITLE);
    expect(flat).toContain('证书编号：TJZLGG-2026-YX-0001');
    expect(flat).toContain('天津瀚海精密传动科技有限公司：');
    expect(flat).toContain(squash(certificateText(cert)));
    expect(flat).toContain('天津市市场监督管理委员会');
    expect(flat).toContain('二〇二六年十一月二十日');
    expect(flat).not.toMatch(/第\d+页/);
  });

  it('omits the level when the list is flat and wraps a long project name', async () => {
    const text = certificateText({ ...cert, level: undefined });
    expect(text).not.toContain('（');
    const buf = await renderCertificatePdf({ ...cert, level: undefined, projectName: '基于多源数据融合的智能网联汽车域控制器焊点可靠性提升与质量一致性控制技术' });
    expect(buf.length).toBeLessThan(200 * 1024);
    expect(squash(pdfText(buf))).toContain('质量一致性控制技术”项目');
  });
});

describe('renderPublicityListPdf', () => {
  it('renders the notice, period, contact and a multi-page table', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      seq: i + 1,
      projectName: i === 0 ? '降低协作机器人减速器装配不良率' : `提高第${i + 1}号焊材产品一次合格率`,
      unitName: `天津市第${i + 1}号制造有限公司`,
      recommenderName: '天津市滨海新区市场监督管理局',
      level: i < 10 ? '一等' : '二等',
    }));
    const buf = await renderPublicityListPdf({
      title: '2026年天津市质量攻关优秀成果认定结果公示',
      period: { from: '2026-11-02', to: '2026-11-06' },
      rows,
      contact: '市市场监管委质量发展处，电话：022-58685123',
      notice: '经专家评定，拟认定以下项目为2026年天津市质量攻关优秀成果，现予以公示。\n匿名或逾期的异议不予受理。',
    });
    const pages = pdfPageCount(buf);
    expect(pages).toBeGreaterThan(1);
    const flat = squash(pdfText(buf));
    expect(flat).toContain('2026年天津市质量攻关优秀成果认定结果公示');
    expect(flat).toContain('公示期：2026年11月2日至2026年11月6日');
    expect(flat).toContain('联系方式：市市场监管委质量发展处');
    expect(flat).toContain('提高第60号焊材产品一次合格率');
    expect(flat).toContain('等级');
    expect(flat).toContain(`第${pages}页共${pages}页`);
  });
});
