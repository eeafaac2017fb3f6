/**
 * Figure 3 — documents, in-process with the renderers the jobs and routes use:
 * certificates (PDF, one CJK font subset per planned batch), the 立项申报汇总表 (.xlsx), one 申报书 (.docx).
 */
import { renderApplicationDocx, renderCertificatePdf, renderSummaryTableXlsx, type ApplicationDocInput } from '../src/server/documents';
import { renderCertificates } from '../src/server/documents/certificate-pdf';
import { buildPreciseApplication, buildSummaryHeader, buildSummaryRows } from '../src/server/documents/fixtures';
import { generateProject } from '../src/domain/similarity.fixtures';
import { median } from './lib';

export interface DocumentsOutcome {
  certificates: number;
  certificatesMs: number;
  certificateMaxBytes: number;
  certificateMedianBytes: number;
  summaryRows: number;
  summaryMs: number;
  summaryBytes: number;
  docxRuns: number;
  docxMedianMs: number;
  docxBytes: number;
}

const UNITS = ['天津瀚海精密传动科技有限公司', '天津新能智联汽车电子有限公司', '天津金桥焊接材料有限公司', '天津光晟光伏新能源科技有限公司', '天津暖羽羽绒制品有限公司'];

/** Renders up to `certificates`; stops early after `budgetMs` (the caller projects the total). */
export async function runDocuments(opts: { certificates: number; summaryRows: number; docxRuns: number; budgetMs: number }): Promise<DocumentsOutcome> {
  // warm-up: font load, wasm init (a running server has done this already)
  await renderCertificatePdf({ certificateNo: 'ZLGG2026-0000', unitName: UNITS[0], projectName: '预热', year: 2026, issuedDate: '2026-12-18', issuer: '天津市市场监督管理委员会' });
  // The certificate run's own path: `renderCertificates` plans batches that share one font subset.
  const inputs = Array.from({ length: opts.certificates }, (_, i) => ({
    certificateNo: `ZLGG2026-${String(i + 1).padStart(4, '0')}`,
    unitName: `${UNITS[i % UNITS.length].replace('有限公司', '')}（第${i + 1}家）有限公司`,
    projectName: generateProject(i + 7).name,
    level: ['一等', '二等', '三等'][i % 3],
    year: 2026,
    issuedDate: '2026-12-18',
    issuer: '天津市市场监督管理委员会' as const,
  }));
  const sizes: number[] = [];
  let t = performance.now();
  for await (const { pdf } of renderCertificates(inputs)) {
    sizes.push(pdf.length);
    if (performance.now() - t >= opts.budgetMs) break;
  }
  const certificatesMs = performance.now() - t;

  const header = buildSummaryHeader();
  const rows = buildSummaryRows(opts.summaryRows);
  await renderSummaryTableXlsx(header, rows.slice(0, 10));
  t = performance.now();
  const xlsx = await renderSummaryTableXlsx(header, rows);
  const summaryMs = performance.now() - t;

  const form = buildPreciseApplication();
  const input: ApplicationDocInput = { form, campaignYear: 2026, applicationNo: 'SB2026-0001', submittedAt: '2026-04-18', recommenderName: '天津市滨海新区市场监督管理局' };
  await renderApplicationDocx(input);
  const docxTimes: number[] = [];
  let docxBytes = 0;
  for (let i = 0; i < opts.docxRuns; i++) {
    t = performance.now();
    const buf = await renderApplicationDocx(input);
    docxTimes.push(performance.now() - t);
    docxBytes = buf.length;
  }
  return {
    certificates: sizes.length,
    certificatesMs,
    certificateMaxBytes: Math.max(...sizes),
    certificateMedianBytes: median(sizes),
    summaryRows: opts.summaryRows,
    summaryMs,
    summaryBytes: xlsx.length,
    docxRuns: opts.docxRuns,
    docxMedianMs: median(docxTimes),
    docxBytes,
  };
}
