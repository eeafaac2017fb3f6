/** Official documents: 申报书 (Word/PDF), 立项申报汇总表 (Excel/Word), 证书 and 公示名单 (PDF), zip packages. */
export { renderApplicationDocx } from './application-docx';
export { renderApplicationPdf } from './application-pdf';
export { buildApplicationDocument, APPLICATION_TITLE, COMMITMENT_TEXT, type ApplicationDocInput, type ApplicationDocModel } from './application-content';
export {
  renderSummaryTableXlsx,
  renderSummaryTableDocx,
  renderSummaryXlsx,
  renderSummaryDocx,
  type SummaryTableSpec,
  summaryRowFromForm,
  summaryRowValues,
  summaryTitle,
  SUMMARY_COLUMNS,
  type SummaryHeader,
  type SummaryRow,
} from './summary-table';
export {
  renderCertificatePdf,
  createCertificateRenderer,
  certificateChars,
  CERTIFICATE_BATCH_SIZE,
  CERTIFICATE_BATCH_MAX_CHARS,
  planCertificateBatches,
  renderCertificates,
  type CertificateRenderer,
  renderPublicityListPdf,
  certificateText,
  CERTIFICATE_TITLE,
  type CertificateInput,
  type PublicityListInput,
  type PublicityListRow,
} from './certificate-pdf';
export { createZip, safeZipPath, type ZipEntry } from './zip';
export { createCjkPdf, loadCjkFont, subsetCjkFont, type CjkPdf, type CjkPdfOptions } from './pdf';
export { maskIdNumber, maskPhone, formatDateCn, formatDateUpper, resolveLabels, type DocumentLabels, type DocumentLabelOverrides } from './format';
