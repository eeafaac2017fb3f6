import type { Actor } from '../context';

export type TrainingSessionAction = 'read' | 'manage';

export interface TrainingSessionResource {
  providerOrgId: string | null;
}

/**
 * 宣贯培训 sessions: the commission sees and manages every session (it organises the training); a
 * training provider only those it runs. Applicants reach open sessions through their own routes.
 */
export function allowTrainingSession(actor: Actor, action: TrainingSessionAction, s: TrainingSessionResource): boolean {
  switch (action) {
    case 'read':
    case 'manage':
      return actor.role === 'commission' || (actor.role === 'training_provider' && s.providerOrgId === actor.organisationId);
    default:
      return false;
  }
}
