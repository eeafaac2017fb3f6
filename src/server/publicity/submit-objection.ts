/**
 * 异议 from the public (公示 practice (b)): written, named, with a contact phone; evidence optional.
 * Anonymous objections and objections after the closing day (23:59:59 Beijing time) are refused
 * (逾期不予受理). The objector's identity is stored for the commission only: the audit entry, the
 * receipt and every non-commission payload leave it out.
 */
import type { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { objectionDeadline, publicityPhase } from '../../domain/publicity';
import { shanghaiDateTimeString } from '../../domain/shanghai-time';
import type { ObjectionRequest } from '../../shared/publicity';
import { AppError, invalidState, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { CommandContext } from '../context';
import { files, objections } from '../db/schema';
import { cleanFileName } from '../files/upload-file';
import { commissionOrgIds } from '../notifications/email';
import { notify } from '../notifications/notify';
import { MIME, sniffFile, TYPE_LABELS, type FileType } from '../files/sniff';
import { loadWindow, windowProjectIds } from './publicity-repository';

/** Names that do not name anyone: the objection would be anonymous. */
const ANONYMOUS = /匿名|佚名|无名|不愿透露|保密|^某|^(无|不详|群众|网友|知情人|举报人)$|^(anonymous|n\/?a)$/i;

export const receiptNo = (id: string, at: Date) => `YY${shanghaiDateTimeString(at).slice(0, 10).replace(/-/g, '')}-${id.slice(0, 6).toUpperCase()}`;

/** Refuses unless objections to this window are accepted now (the message says why, in Chinese). */
export function assertAccepting(w: { state: string; opensOn: string; closesOn: string }, now: Date): void {
  const phase = publicityPhase(now, w);
  if (phase === 'before') throw invalidState('publicity not open yet', `公示尚未开始（${w.opensOn}起），暂不受理异议`);
  if (phase === 'ended' || w.state === 'closed' || w.state === 'published') {
    throw invalidState('publicity ended', `逾期不予受理：本次公示的异议受理截止时间为${w.closesOn} 23:59:59（北京时间）`);
  }
}

export async function submitObjection(ctx: CommandContext, publicityId: string, input: ObjectionRequest) {
  const now = ctx.clock.now();
  const name = input.objectorName.trim();
  if (ANONYMOUS.test(name)) throw validation({ objectorName: '异议须署名：请填写真实姓名（个人）或单位全称（单位），匿名异议不予受理' });
  return ctx.database.db.transaction(async (tx) => {
    const w = await loadWindow(tx, publicityId);
    assertAccepting(w, now);
    if (!windowProjectIds(w).includes(input.projectId)) throw validation({ projectId: '异议针对的项目不在本次公示名单中，请重新选择' });
    if (input.evidenceFileId) {
      const [f] = await tx.select().from(files).where(and(eq(files.id, input.evidenceFileId), eq(files.purpose, 'evidence'), isNull(files.uploadedBy), isNull(files.ownerOrgId)));
      const [used] = f ? await tx.select({ id: objections.id }).from(objections).where(eq(objections.evidenceFileId, f.id)) : [];
      if (!f || used) throw validation({ evidenceFileId: '佐证材料无效或已被使用，请重新上传' });
    }
    const [row] = await tx
      .insert(objections)
      .values({
        publicityId: w.id,
        projectId: input.projectId,
        objectorName: name,
        objectorKind: input.objectorKind,
        contact: input.contact.trim(),
        content: input.content.trim(),
        evidenceFileId: input.evidenceFileId ?? null,
        createdAt: now,
      })
      .returning();
    // Identity stays in the objection row (commission only); the audit records that one was received.
    await writeAudit(tx, ctx, { entity: 'objection', entityId: row.id, action: 'receive_objection', summary: { publicityId: w.id, projectId: input.projectId, objectorKind: input.objectorKind, evidence: !!input.evidenceFileId } });
    // The commission learns of it (no identity in the notice; the objection page shows it).
    for (const orgId of await commissionOrgIds(tx)) {
      await notify(tx, now, { organisationId: orgId, title: '收到公示异议', body: `《${w.title}》收到1件${input.objectorKind === 'person' ? '个人' : '单位'}异议（受理编号 ${receiptNo(row.id, now)}），请在公布前作出处理结论。`, link: '/commission/publicity' });
    }
    return {
      receiptNo: receiptNo(row.id, now),
      receivedAt: now.toISOString(),
      message: `异议已受理（受理编号 ${receiptNo(row.id, now)}）。市市场监管委将调查核实并对异议人身份保密，处理结果将通过您留下的联系电话答复。异议受理截止：${shanghaiDateTimeString(objectionDeadline(w.closesOn)).slice(0, 19)}。`,
    };
  });
}

const EVIDENCE_TYPES: FileType[] = ['pdf', 'jpg', 'png'];

/** Evidence for an objection, uploaded before the form is sent (no login): PDF or image only. */
export async function storeObjectionEvidence(ctx: CommandContext, publicityId: string, input: { stream: Readable; fileName: string; maxBytes: number }) {
  let detected: FileType | null = null;
  const stored = await ctx.files.put(input.stream, {
    maxBytes: input.maxBytes,
    // Runs once the whole body is read (a malformed upload is refused first) and before anything is kept.
    inspect: async (tmp, size) => {
      assertAccepting(await loadWindow(ctx.database.db, publicityId), ctx.clock.now());
      detected = await sniffFile(tmp, size);
      if (!EVIDENCE_TYPES.includes(detected)) throw new AppError('unsupported_file', `type ${detected}`, `佐证材料不接受该类型的文件（${TYPE_LABELS[detected]}），允许的类型：${EVIDENCE_TYPES.map((t) => TYPE_LABELS[t]).join('、')}`, { fields: { file: '请上传PDF或图片' } });
    },
  });
  const type = detected as unknown as FileType;
  const originalName = cleanFileName(input.fileName);
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({ sha256: stored.sha256, size: stored.size, mime: MIME[type], originalName, storageKey: stored.key, ownerOrgId: null, uploadedBy: null, purpose: 'evidence', createdAt: ctx.clock.now() })
      .returning();
    await writeAudit(tx, ctx, { entity: 'file', entityId: row.id, action: 'upload', summary: { name: originalName, size: stored.size, type, purpose: 'evidence', publicityId } });
    return { id: row.id, name: row.originalName };
  });
}
