import type { Actor } from '../context';

export type ExpertAction = 'read' | 'manage' | 'edit_own' | 'decide_conflict';

export interface ExpertResource {
  userId: string;
}

/**
 * 专家库: the commission reads and manages every expert record and decides 回避; an expert reads
 * and keeps only its own profile and declarations. Applicants and recommenders never see experts.
 */
export function allowExpert(actor: Actor, action: ExpertAction, e: ExpertResource): boolean {
  switch (action) {
    case 'read':
      return actor.role === 'commission' || (actor.role === 'expert' && actor.userId === e.userId);
    case 'manage':
    case 'decide_conflict':
      return actor.role === 'commission';
    case 'edit_own':
      return actor.role === 'expert' && actor.userId === e.userId;
    default:
      return false;
  }
}
