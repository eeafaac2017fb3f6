/**
 * 项目实施 / 跟踪服务 (issue 17): who may do what on a project's implementation records. Reading
 * follows the project's read rule (the unit, its recommender, the commission). The unit writes its
 * plan, reports and materials and answers guidance; its recommender records visits, raises
 * guidance and problems, closes them and arranges support. The project state is checked by the
 * commands (409), not here.
 */
import type { Actor } from '../context';
import { allowProject, type ProjectResource } from './project-policy';

export type ImplementationAction = 'read' | 'plan' | 'report' | 'material' | 'answer' | 'ask' | 'visit' | 'guide' | 'close' | 'arrange';

const UNIT_ACTIONS: ImplementationAction[] = ['plan', 'report', 'material', 'answer', 'ask'];
const RECOMMENDER_ACTIONS: ImplementationAction[] = ['visit', 'guide', 'close', 'arrange'];

export function allowImplementation(actor: Actor, action: ImplementationAction, p: ProjectResource): boolean {
  if (action === 'read') return allowProject(actor, 'read', p);
  if (UNIT_ACTIONS.includes(action)) return actor.role === 'applicant' && actor.organisationId === p.applicantOrgId;
  if (RECOMMENDER_ACTIONS.includes(action)) return actor.role === 'recommender' && actor.organisationId === p.recommenderOrgId && allowProject(actor, 'read', p);
  return false;
}
