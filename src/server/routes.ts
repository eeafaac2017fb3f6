import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAccountRoutes } from './accounts/routes';
import { registerApplicationAreaRoutes } from './applications/routes';
import { registerApprovalRoutes } from './approvals/routes';
import { registerAuditRoutes } from './audit/routes';
import { registerAuthRoutes } from './auth/routes';
import { registerBackupRoutes } from './backup/routes';
import { registerCampaignRoutes } from './campaigns/routes';
import { registerCertificateRoutes } from './certificates/routes';
import type { Services } from './context';
import { registerFileRoutes } from './files/routes';
import { registerNotificationRoutes } from './notifications/routes';
import { registerRecommendationRoutes } from './recommendations/routes';
import { registerTrainingRoutes } from './training/routes';
import { APP_VERSION } from './version';

export { APP_VERSION };

/** Every area registers its own routes here; each area folder owns its routes.ts. */
export async function registerRoutes(app: FastifyInstance, services: Services, opts: { cookieSecure: boolean; loginRateLimitPerMinute?: number }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) } } },
    async () => {
      await services.database.executeSql('SELECT 1');
      return { status: 'ok' as const, db: services.database.kind, version: APP_VERSION };
    },
  );
  registerAuthRoutes(app, services, opts);
  registerCampaignRoutes(app, services);
  registerAccountRoutes(app, services);
  registerAuditRoutes(app, services);
  registerFileRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerBackupRoutes(app, services);
  // Procedure areas register below, one line each.
  registerApplicationAreaRoutes(app, services, opts);
  registerRecommendationRoutes(app, services);
  registerTrainingRoutes(app, services);
  registerApprovalRoutes(app, services);
  registerCertificateRoutes(app, services);
}
