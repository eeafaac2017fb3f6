import type { Actor } from '../context';

export type PublicationAction = 'read' | 'publish';

/** Published documents are public; publishing (and correcting) is the commission's act. */
export function allowPublication(actor: Actor, action: PublicationAction): boolean {
  if (action === 'read') return true;
  return actor.role === 'commission';
}
