/**
 * The one tiny PDF of the tests: a well-formed one-page document (the file store sniffs content,
 * not names). `label` goes into a comment line, so different labels give different files (the
 * store deduplicates by content hash).
 */
export function tinyPdf(label = 'gongguan'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${encodeURIComponent(label)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
