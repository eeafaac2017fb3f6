import type { FastifyInstance } from 'fastify';
import { registerAccountRoutes } from './accounts/routes';
import { registerApplicationAreaRoutes } from './applications/routes';
import { registerApprovalRoutes } from './approvals/routes';
import { registerPreferentialRoutes } from './approvals/preferential-support';
import { registerAuditRoutes } from './audit/routes';
import { registerAuthRoutes } from './auth/routes';
import { registerBackupRoutes } from './backup/routes';
import { registerCampaignRoutes } from './campaigns/routes';
import { registerCertificateRoutes } from './certificates/routes';
import type { Services } from './context';
import { registerExpertRoutes } from './experts/routes';
import { registerFileRoutes } from './files/routes';
import { registerHealthRoutes } from './health/routes';
import { registerNotificationRoutes } from './notifications/routes';
import { registerPublicationRoutes } from './publications/routes';
import { registerOrganisationRoutes } from './organisations/routes';
import { registerResultRoutes } from './results/routes';
import { registerEvaluationRoutes } from './evaluation/routes';
import { registerRecommendationRoutes } from './recommendations/routes';
import { registerTrainingRoutes } from './training/routes';
import { registerCheckinRoutes } from './training/checkin-routes';
import { registerImplementationRoutes } from './implementation/routes';
import { registerTrackingRoutes } from './tracking/routes';
import { APP_VERSION } from './version';
import { registerPublicityRoutes } from './publicity/routes';
import { registerPromotionRoutes } from './promotion/routes';

export { APP_VERSION };

/** Every area registers its own routes here; each area folder owns its routes.ts. */
export async function registerRoutes(app: FastifyInstance, services: Services, opts: { cookieSecure: boolean; loginRateLimitPerMinute?: number; publicRateLimitPerMinute?: number }) {
  registerHealthRoutes(app, services, { version: APP_VERSION, metricsToken: process.env.METRICS_TOKEN || undefined });
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
  registerPublicationRoutes(app, services, { publicRateLimitPerMinute: opts.publicRateLimitPerMinute });
  registerPreferentialRoutes(app, services);
  registerOrganisationRoutes(app, services);
  registerCheckinRoutes(app, services);
  registerImplementationRoutes(app, services);
  registerTrackingRoutes(app, services);
  registerExpertRoutes(app, services);
  registerResultRoutes(app, services);
  registerEvaluationRoutes(app, services);
  registerPublicityRoutes(app, services, { publicRateLimitPerMinute: opts.publicRateLimitPerMinute });
  registerPromotionRoutes(app, services, { publicRateLimitPerMinute: opts.publicRateLimitPerMinute });
}
