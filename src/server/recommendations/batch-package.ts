/**
 * Everything of a batch in one zip with Chinese names (download.zip):
 *   <推荐单位>推荐材料（<年>年）/
 *     汇总表/<年>年天津市质量攻关项目立项申报汇总表（<推荐单位>）.docx / .xlsx
 *     汇总表/盖章版-<…>.pdf
 *     01-<项目名称>/申报书-<项目名称>.docx
 *     01-<项目名称>/附件/<附件类别>-<文件名>
 * Attachments that cannot be read are listed in 附件缺失说明.txt instead of failing the download.
 */
import { inArray } from 'drizzle-orm';
import { ATTACHMENT_KIND_LABELS, type AttachmentKind } from '../../domain/application-form';
import { writeAudit } from '../audit/write-audit';
import { createZip, renderApplicationDocx, summaryTitle, type ZipEntry } from '../documents';
import { files } from '../db/schema';
import { batchProjects, loadBatchForRead } from './commission-batches';
import { applicantFiles, readForm } from './review-data';
import type { ActorContext } from '../context';

export async function batchPackage(ctx: ActorContext, id: string): Promise<{ fileName: string; data: Buffer }> {
  const db = ctx.database.db;
  const { b, org, year } = await loadBatchForRead(db, ctx, id);
  const root = `${org.name}推荐材料（${year}年）`;
  const entries: ZipEntry[] = [];
  const date = b.sentAt ?? ctx.clock.now();
  const stored = [b.summaryDocxFileId, b.summaryXlsxFileId, b.stampedPdfFileId].filter((x): x is string => !!x);
  const fileRows = stored.length ? await db.select().from(files).where(inArray(files.id, stored)) : [];
  const byId = new Map(fileRows.map((f) => [f.id, f]));
  const title = `${summaryTitle(year)}（${org.name}）`;
  const add = async (fileId: string | null, name: string) => {
    const f = fileId ? byId.get(fileId) : undefined;
    if (f) entries.push({ name: `${root}/汇总表/${name}`, data: await ctx.files.read(f.storageKey), date });
  };
  await add(b.summaryDocxFileId, `${title}.docx`);
  await add(b.summaryXlsxFileId, `${title}.xlsx`);
  await add(b.stampedPdfFileId, `盖章版-${title}.pdf`);

  const missing: string[] = [];
  const list = await batchProjects(db, b.id);
  for (const [i, { p, applicantName }] of list.entries()) {
    const seq = String(p.recommendOrder ?? i + 1).padStart(2, '0');
    const folder = `${root}/${seq}-${p.name || '未命名项目'}`;
    const form = readForm(p.form);
    const docx = await renderApplicationDocx({ form, campaignYear: year, recommenderName: org.name, applicationNo: p.applicationNo ?? undefined, submittedAt: p.submittedAt?.toISOString() });
    entries.push({ name: `${folder}/申报书-${p.name || '未命名项目'}.docx`, data: docx, date });
    const available = await applicantFiles(db, form, p.applicantOrgId);
    for (const a of form.attachments ?? []) {
      const f = available.get(a.fileId);
      const label = ATTACHMENT_KIND_LABELS[a.kind as AttachmentKind] ?? '附件';
      if (!f) {
        missing.push(`${seq}-${p.name}（${applicantName}）：${label}“${a.fileName}”`);
        continue;
      }
      entries.push({ name: `${folder}/附件/${label}-${a.fileName}`, data: await ctx.files.read(f.storageKey), date });
    }
  }
  if (missing.length) {
    entries.push({ name: `${root}/附件缺失说明.txt`, data: Buffer.from(`以下附件在平台中无法读取（未上传或已损坏），请联系申报单位补充：\r\n${missing.join('\r\n')}\r\n`, 'utf8'), date });
  }
  const data = await createZip(entries);
  await db.transaction(async (tx) => {
    await writeAudit(tx, ctx, { entity: 'recommendation_batch', entityId: b.id, action: 'download', summary: { entries: entries.length, missing: missing.length } });
  });
  return { fileName: `${root}.zip`, data };
}

