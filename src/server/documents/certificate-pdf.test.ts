import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_TITLE,
  certificateChars,
  certificateText,
  createCertificateRenderer,
  planCertificateBatches,
  renderCertificatePdf,
  renderCertificates,
  renderPublicityListPdf,
  type CertificateInput,
} from './certificate-pdf';
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

describe('createCertificateRenderer (one font subset per batch)', () => {
  const units = ['天津瀚海精密传动科技有限公司', '天津新能智联汽车电子有限公司', '天津金桥焊接材料有限公司', '天津暖羽羽绒制品有限公司', '天津市津南区鑫磊家居装饰工程有限公司'];
  const projects = ['降低协作机器人减速器装配不良率', '提升域控制器焊点可靠性', '药芯焊丝飞溅率降低攻关', '羽绒蓬松度一致性提升', '整装卫浴防水工艺优化与渗漏投诉压降'];
  const batch: CertificateInput[] = units.map((unitName, i) => ({ ...cert, certificateNo: `TJZLGG-2026-${String(i + 1).padStart(3, '0')}`, unitName, projectName: projects[i], level: undefined }));

  it('renders every certificate of the batch with its own unit and project text, each under 200 KB', async () => {
    const renderer = await createCertificateRenderer(batch);
    for (const input of batch) {
      expect(renderer.covers(input)).toBe(true);
      const buf = await renderer.render(input);
      expect(buf.length).toBeLessThan(200 * 1024);
      const flat = squash(pdfText(buf));
      expect(flat).toContain(`证书编号：${input.certificateNo}`);
      expect(flat).toContain(`${input.unitName}：`);
      expect(flat).toContain(squash(certificateText(input)));
      expect(flat).toContain('二〇二六年十一月二十日');
      // Only its own names: the shared subset does not leak other certificates' text.
      for (const other of batch) if (other !== input) expect(flat).not.toContain(other.unitName);
    }
  });

  it('falls back to its own subset for a certificate with characters outside the batch, and still reads back', async () => {
    const renderer = await createCertificateRenderer(batch.slice(0, 2));
    const stranger = { ...cert, certificateNo: 'TJZLGG-2026-099', unitName: '天津鑫淼檀韵紫檀家具有限公司', projectName: '紫檀榫卯开裂率攻关' };
    expect(renderer.covers(stranger)).toBe(false);
    const flat = squash(pdfText(await renderer.render(stranger)));
    expect(flat).toContain('天津鑫淼檀韵紫檀家具有限公司：');
    expect(flat).toContain('紫檀榫卯开裂率攻关');
  });

  it('plans batches by count and by distinct characters; renderCertificates yields in input order', async () => {
    expect(planCertificateBatches(batch, { maxCertificates: 2 }).map((b) => b.length)).toEqual([2, 2, 1]);
    const limit = new Set(Array.from(certificateChars(batch[0]) + certificateChars(batch[1]))).size;
    const byChars = planCertificateBatches(batch, { maxChars: limit });
    expect(byChars[0]).toEqual([batch[0], batch[1]]);
    expect(byChars.flat()).toEqual(batch);
    const seen: string[] = [];
    for await (const { input, pdf } of renderCertificates(batch.slice(0, 3))) {
      seen.push(input.certificateNo);
      expect(squash(pdfText(pdf))).toContain(input.projectName);
    }
    expect(seen).toEqual(['TJZLGG-2026-001', 'TJZLGG-2026-002', 'TJZLGG-2026-003']);
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
