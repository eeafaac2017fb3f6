import type { Actor } from '../context';

export type EvaluationAction = 'manage' | 'work_task';

export interface EvaluationResource {
  /** The expert of the task (work_task). */
  expertUserId?: string;
}

/**
 * 成果评定 (程序七): the commission forms groups, replaces experts, concludes and adopts; an expert
 * works only on its own tasks (another expert's task is not found). Applicants and recommenders
 * have no part in it: they see the project state and, once adopted, the level.
 */
export function allowEvaluation(actor: Actor, action: EvaluationAction, r: EvaluationResource): boolean {
  switch (action) {
    case 'manage':
      return actor.role === 'commission';
    case 'work_task':
      return actor.role === 'expert' && !!r.expertUserId && actor.userId === r.expertUserId;
    default:
      return false;
  }
}
