import type { Readable } from 'node:stream';
import type { FilePurpose } from '../../domain/vocabularies';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { files } from '../db/schema';
import { AppError } from '../app-error';
import { sniffFile, MIME, TYPE_LABELS, type FileType } from './sniff';

/** A file name safe to keep and show: no path, no control characters, bounded length. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') return '未命名文件';
  const chars = Array.from(clean);
  if (chars.length <= 120) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return chars.slice(0, 120 - ext.length).join('') + ext;
}

export async function uploadFile(
  ctx: CommandContext & { actor: Actor },
  input: { stream: Readable; fileName: string; purpose: FilePurpose; maxBytes: number; allowedTypes: FileType[] },
) {
  let detected: FileType | null = null;
  const stored = await ctx.files.put(input.stream, {
    maxBytes: input.maxBytes,
    inspect: async (tmp, size) => {
      detected = await sniffFile(tmp, size);
      if (!input.allowedTypes.includes(detected)) {
        throw new AppError('unsupported_file', `type ${detected} not allowed`, `不接受该类型的文件（${TYPE_LABELS[detected]}），允许的类型：${input.allowedTypes.map((t) => TYPE_LABELS[t]).join('、')}`);
      }
    },
  });
  const type = detected as unknown as FileType;
  const originalName = cleanFileName(input.fileName);
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({ sha256: stored.sha256, size: stored.size, mime: MIME[type], originalName, storageKey: stored.key, ownerOrgId: ctx.actor.organisationId, uploadedBy: ctx.actor.userId, purpose: input.purpose, createdAt: ctx.clock.now() })
      .returning();
    await writeAudit(tx, ctx, { entity: 'file', entityId: row.id, action: 'upload', summary: { name: originalName, size: stored.size, type, purpose: input.purpose } });
    return row;
  });
}
