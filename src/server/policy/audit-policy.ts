import type { Actor } from '../context';

export type AuditAction = 'read' | 'export';

/** The audit log is the commission's supervision tool (办法 第二条 监督管理). */
export function allowAudit(actor: Actor, _action: AuditAction): boolean {
  return actor.role === 'commission';
}
