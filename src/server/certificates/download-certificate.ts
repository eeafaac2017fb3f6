/** Certificate downloads: one PDF (commission any; applicant its own issued ones) and the campaign zip. */
import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../app-error';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { Actor, CommandContext } from '../context';
import { certificates, files, projects } from '../db/schema';
import { createZip } from '../documents/zip';
import { certificateVisibleTo } from '../policy/certificate-policy';
import { authorize } from '../policy/policy';

export async function certificatePdf(ctx: CommandContext & { actor: Actor }, id: string): Promise<{ data: Buffer; fileName: string }> {
  const [row] = await ctx.database.db
    .select({ state: certificates.state, certificateNo: certificates.certificateNo, applicantOrgId: projects.applicantOrgId, storageKey: files.storageKey, fileName: files.originalName })
    .from(certificates)
    .innerJoin(projects, eq(projects.id, certificates.projectId))
    .leftJoin(files, eq(files.id, certificates.fileId))
    .where(eq(certificates.id, id));
  if (!row) throw notFound(`certificate ${id}`, '证书');
  const resource = { applicantOrgId: row.applicantOrgId, state: row.state };
  authorize(ctx.actor, { kind: 'certificate', action: 'download', resource }, certificateVisibleTo(ctx.actor, resource));
  if (!row.storageKey) throw new AppError('internal', `certificate ${id} without file`, '证书文件缺失，请联系市市场监管委');
  const data = await ctx.files.read(row.storageKey);
  return { data, fileName: row.state === 'void' ? `（已作废）${row.fileName}` : row.fileName! };
}

/** All issued certificates of one campaign (absent → the current one by date), one zip (commission). */
export async function certificatesZip(ctx: CommandContext & { actor: Actor }, year?: number): Promise<{ data: Buffer; fileName: string }> {
  authorize(ctx.actor, { kind: 'certificate', action: 'download' });
  const campaign = await campaignForYear(ctx.database.db, year, ctx.clock.now());
  const rows = await ctx.database.db
    .select({ no: certificates.certificateNo, holder: certificates.holderName, storageKey: files.storageKey })
    .from(certificates)
    .innerJoin(projects, eq(projects.id, certificates.projectId))
    .innerJoin(files, eq(files.id, certificates.fileId))
    .where(and(eq(projects.campaignId, campaign.id), eq(certificates.state, 'issued')))
    .orderBy(asc(certificates.certificateNo));
  if (!rows.length) throw new AppError('invalid_state', 'no issued certificates', `${campaign.year}年度还没有已发放的证书`);
  const entries = [];
  for (const r of rows) entries.push({ name: `${r.no}（${r.holder}）.pdf`, data: await ctx.files.read(r.storageKey) });
  return { data: await createZip(entries, { date: ctx.clock.now() }), fileName: `${campaign.year}年天津市质量攻关优秀成果证书.zip` };
}
