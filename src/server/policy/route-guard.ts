/**
 * Coarse, first line of the permission model: which roles may call an API area at all. It runs
 * before request validation, so a caller outside the area learns nothing from validation errors.
 * The fine rules (organisation scope, state) are in the per-resource policies the commands call.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import type { Role } from '../context';

type Guard = { prefix: string; roles: readonly Role[] | 'public' | 'authenticated'; adminOnly?: boolean };

/** Longest prefix wins. */
export const ROUTE_GUARDS: readonly Guard[] = [
  { prefix: '/api/public/', roles: 'public' },
  { prefix: '/api/health', roles: 'public' },
  { prefix: '/api/metrics', roles: 'public' }, // loopback or METRICS_TOKEN, checked by the route
  { prefix: '/api/openapi.json', roles: 'public' },
  { prefix: '/api/docs', roles: 'public' },
  { prefix: '/api/auth/login', roles: 'public' },
  { prefix: '/api/auth/logout', roles: 'public' },
  { prefix: '/api/auth/session', roles: 'public' },
  { prefix: '/api/auth/', roles: 'authenticated' },
  { prefix: '/api/files', roles: 'authenticated' },
  { prefix: '/api/notifications', roles: 'authenticated' },
  { prefix: '/api/admin/', roles: ['commission'], adminOnly: true },
  { prefix: '/api/audit', roles: ['commission'] },
  { prefix: '/api/campaigns', roles: ['commission'] },
  { prefix: '/api/campaigns/years', roles: 'authenticated' }, // the year selector of every role
  { prefix: '/api/commission/', roles: ['commission'] },
  { prefix: '/api/recommender/', roles: ['recommender'] },
  { prefix: '/api/applications', roles: ['applicant', 'recommender', 'commission'] },
  { prefix: '/api/applicant/', roles: ['applicant'] },
  { prefix: '/api/expert/', roles: ['expert'] },
  { prefix: '/api/training/', roles: ['training_provider', 'commission'] },
  { prefix: '/api/implementation/', roles: ['applicant', 'recommender', 'commission'] },
  { prefix: '/api/tracking/', roles: ['applicant', 'recommender', 'commission'] },
];

export function guardFor(path: string): Guard | undefined {
  let best: Guard | undefined;
  for (const g of ROUTE_GUARDS) if (path.startsWith(g.prefix) && (!best || g.prefix.length > best.prefix.length)) best = g;
  return best;
}

export function checkRouteGuard(req: FastifyRequest): void {
  const path = (req.routeOptions.url ?? req.url).split('?')[0];
  if (!path.startsWith('/api/')) return;
  const g = guardFor(path);
  // An /api route with no guard is refused: new areas must be listed here (fail closed).
  if (!g) throw new AppError('forbidden', `no route guard for ${path}`, '没有执行此操作的权限');
  if (g.roles === 'public') return;
  if (!req.actor) throw new AppError('unauthenticated', 'no session', '请先登录');
  if (g.roles === 'authenticated') return;
  if (!g.roles.includes(req.actor.role) || (g.adminOnly && !req.actor.isAdmin)) {
    throw new AppError('forbidden', `role ${req.actor.role} outside ${g.prefix}`, '没有执行此操作的权限');
  }
}
