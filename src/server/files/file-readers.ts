/**
 * Who besides the owner may read an uploaded file: whoever may read an application (申报书, in its
 * current form or a submitted version) that references the file (issue 13.7). Not "every file of
 * an organisation that has some project with me": a file no application references stays with
 * its owner (and the commission).
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { projects } from '../db/schema';
import { allow } from '../policy/policy';

/** Organisations the file is shared with for this actor: the actor's own when one application it may read references the file. */
export async function sharedThroughApplications(db: Db, actor: Actor, file: { id: string; ownerOrgId: string | null }): Promise<string[]> {
  if (!file.ownerOrgId) return [];
  // A file id is a UUID: finding it in the form's text finds every place a form may reference it.
  const needle = `%${file.id}%`;
  const referencing = await db
    .select({ applicantOrgId: projects.applicantOrgId, recommenderOrgId: projects.recommenderOrgId, state: projects.state })
    .from(projects)
    .where(
      and(
        eq(projects.applicantOrgId, file.ownerOrgId),
        isNull(projects.deletedAt),
        or(sql`${projects.form}::text LIKE ${needle}`, sql`EXISTS (SELECT 1 FROM project_versions v WHERE v.project_id = ${projects.id} AND v.form::text LIKE ${needle})`),
      ),
    );
  return referencing.some((p) => allow(actor, { kind: 'project', action: 'read', resource: p })) ? [actor.organisationId] : [];
}
