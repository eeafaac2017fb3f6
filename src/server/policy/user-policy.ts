import type { Actor } from '../context';

export type UserAction = 'list' | 'create' | 'update' | 'reset_password' | 'unlock';

export interface UserResource {
  /** Kind of the organisation the account belongs to (or will). */
  organisationKind: string;
  userId?: string;
}

/** Commission administrators manage accounts of the commission side, recommenders and experts (issue 3). */
const MANAGED_KINDS = ['commission', 'recommender', 'expert_pool', 'training_provider'];

export function allowUser(actor: Actor, action: UserAction, r: UserResource): boolean {
  if (actor.role !== 'commission' || !actor.isAdmin) return false;
  if (action === 'list') return true;
  if (r.userId && r.userId === actor.userId && action !== 'update') return false;
  return MANAGED_KINDS.includes(r.organisationKind);
}
