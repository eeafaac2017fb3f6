/**
 * Before body validation: a project the actor may not know exists answers 404 whatever the body
 * says, so validation errors never confirm that someone else's id is real (issue 3, 404 where
 * existence must not leak).
 */
import type { FastifyRequest } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../app-error';
import type { Db } from '../db/client';
import { projects } from '../db/schema';
import { allow } from './policy';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function projectVisibleGuard(db: Db) {
  return {
    preValidation: async (req: FastifyRequest) => {
      const id = (req.params as { id?: unknown } | undefined)?.id;
      if (!req.actor || typeof id !== 'string' || !UUID_RE.test(id)) return;
      const [row] = await db
        .select({ applicantOrgId: projects.applicantOrgId, recommenderOrgId: projects.recommenderOrgId, state: projects.state })
        .from(projects)
        .where(and(eq(projects.id, id), isNull(projects.deletedAt)));
      if (!row || !allow(req.actor, { kind: 'project', action: 'read', resource: row })) throw notFound(`project ${id} hidden`, '申报书');
    },
  };
}
