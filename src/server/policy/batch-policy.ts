import type { Actor } from '../context';

export type BatchAction = 'read' | 'compose' | 'send' | 'receive';

export interface BatchResource {
  recommenderOrgId: string;
  state: string;
}

export function allowBatch(actor: Actor, action: BatchAction, b: BatchResource): boolean {
  const own = actor.role === 'recommender' && actor.organisationId === b.recommenderOrgId;
  switch (action) {
    case 'read':
      return own || (actor.role === 'commission' && b.state !== 'composing');
    case 'compose':
    case 'send':
      return own;
    case 'receive':
      return actor.role === 'commission';
    default:
      return false;
  }
}
