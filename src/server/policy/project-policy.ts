import { and, eq, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../context';
import { projects } from '../db/schema';

export type ProjectAction =
  | 'read'
  | 'create'
  | 'edit_draft'
  | 'submit'
  | 'withdraw'
  | 'reopen'
  | 'delete_draft'
  | 'export'
  | 'review' // return / recommend / decline / unrecommend / order
  | 'batch'
  | 'approve'
  | 'supervise'
  | 'evaluate' // 成果评定 (程序七): groups, tasks, conclusions — the commission
  | 'recognise'; // 公示公布 / 认定 / 撤销 (程序八) — the commission

export interface ProjectResource {
  applicantOrgId: string;
  recommenderOrgId: string | null;
  state: string;
  assignedExpertIds?: string[];
}

/** States a recommender or the commission never sees: the applicant's own unsent work. */
const PRIVATE_STATES = ['draft'];

export function allowProject(actor: Actor, action: ProjectAction, p: ProjectResource): boolean {
  const ownApplicant = actor.role === 'applicant' && actor.organisationId === p.applicantOrgId;
  const ownRecommender = actor.role === 'recommender' && actor.organisationId === p.recommenderOrgId && !PRIVATE_STATES.includes(p.state);
  switch (action) {
    case 'read':
    case 'export':
      return (
        ownApplicant ||
        ownRecommender ||
        (actor.role === 'commission' && !PRIVATE_STATES.includes(p.state)) ||
        (actor.role === 'expert' && (p.assignedExpertIds ?? []).includes(actor.userId))
      );
    case 'create':
      return actor.role === 'applicant' && actor.organisationId === p.applicantOrgId;
    case 'edit_draft':
    case 'submit':
    case 'delete_draft':
    case 'withdraw':
    case 'reopen':
      return ownApplicant;
    case 'review':
    case 'batch':
      return ownRecommender;
    case 'approve':
    case 'supervise':
    case 'evaluate':
    case 'recognise':
      return actor.role === 'commission';
    default:
      return false;
  }
}

/** The rows of `projects` an actor may list: the same rule as `read`, as SQL. */
export function projectScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'applicant':
      return eq(projects.applicantOrgId, actor.organisationId);
    case 'recommender':
      return and(eq(projects.recommenderOrgId, actor.organisationId), notInArray(projects.state, PRIVATE_STATES as any))!;
    case 'commission':
      return ne(projects.state, 'draft');
    default:
      // Experts reach projects through their tasks only.
      return sql`false`;
  }
}
