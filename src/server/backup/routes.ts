import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../shared/api-error';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { authedContext } from '../http/request-context';
import { APP_VERSION } from '../version';
import { writeBackup } from './backup';
import { requireSystemAdmin } from '../policy/role-guards';

/**
 * POST /api/admin/backup — a consistent backup while the platform serves traffic (the only way for
 * PGlite, which one process owns). The database snapshot is one read-only REPEATABLE READ
 * transaction; on PGlite other requests wait for it (seconds), the object copy runs after it.
 */
export function registerBackupRoutes(app: FastifyInstance, services: Services) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/admin/backup',
    {
      schema: { tags: ['系统'], summary: '下载完整备份（tar.gz：数据库、文件、校验清单）', response: { 401: apiErrorSchema, 403: apiErrorSchema } },
      config: { rateLimit: { max: 5, timeWindow: '1 minute', keyGenerator: (req) => req.actor?.userId ?? req.ip } },
    },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      requireSystemAdmin(ctx.actor);
      const now = ctx.clock.now();
      await services.database.db.transaction(async (tx) => writeAudit(tx, ctx, { entity: 'system', action: 'backup', summary: { at: now.toISOString() } }));
      const out = new PassThrough();
      writeBackup(services.database, services.files, out, { appVersion: APP_VERSION, now }).catch((err) => {
        req.log.error({ err }, 'backup failed');
        out.destroy(err);
      });
      const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      reply.header('Content-Disposition', `attachment; filename="gongguan-backup-${stamp}.tar.gz"`);
      reply.type('application/gzip');
      return reply.send(out as never); // a byte stream, not one of the JSON error shapes above
    },
  );
}
