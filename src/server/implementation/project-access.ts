/**
 * Loading a project for an implementation action: 404 when the actor may not read it (existence
 * does not leak: another recommender's project answers 404), 403 when it may read but not act,
 * 409 when the project is not (or no longer) being implemented.
 */
import { PROJECT_STATES, type ProjectState } from '../../domain/project-workflow';
import { invalidState } from '../app-error';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { authorize } from '../policy/policy';
import type { ImplementationAction } from '../policy/implementation-policy';
import { loadProjectFor, projectResource, type ProjectRow } from '../projects/load-project';

export const PROJECT_LABEL = '项目';

/** States in which a project has implementation records to show (立项 and after). */
export const IMPLEMENTATION_STATES: readonly ProjectState[] = PROJECT_STATES.filter((s, i) => i >= PROJECT_STATES.indexOf('approved') && s !== 'revoked');

/** Records are written while the project is 已立项（实施中）. */
const WRITABLE_STATES = ['approved'];

export async function loadForImplementation(db: DbOrTx, actor: Actor, action: ImplementationAction, projectId: string, opts: { forUpdate?: boolean } = {}): Promise<ProjectRow> {
  const row = await loadProjectFor(db, actor, 'read', projectId, { forUpdate: opts.forUpdate, label: PROJECT_LABEL });
  if (!IMPLEMENTATION_STATES.includes(row.state)) throw invalidState(`project ${projectId} is ${row.state}`, '该项目尚未立项，没有实施记录');
  authorize(actor, { kind: 'implementation', action, resource: projectResource(row) });
  if (action !== 'read' && !WRITABLE_STATES.includes(row.state)) throw invalidState(`project ${projectId} is ${row.state}`, '仅已立项（实施中）的项目可以登记实施与跟踪记录');
  return row;
}
