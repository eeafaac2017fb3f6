import type { Actor } from '../context';

export type FileAction = 'read';

export interface FileResource {
  ownerOrgId: string | null;
  /** Organisations that may read it through a record that references it (e.g. the recommender of the application). */
  sharedWithOrgIds?: string[];
}

export function allowFile(actor: Actor, _action: FileAction, f: FileResource): boolean {
  if (f.ownerOrgId && f.ownerOrgId === actor.organisationId) return true;
  if ((f.sharedWithOrgIds ?? []).includes(actor.organisationId)) return true;
  return actor.role === 'commission';
}
