import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { RoleCode } from '../../shared/auth';
import { PageLoading } from '../components/PageLoading';
import { useSession } from './session';

const ForbiddenPage = lazy(() => import('../pages/errors/ForbiddenPage'));

/** Only for a signed-in person of `role` who has no pending forced password change. */
export function RequireRole({ role, children }: { role: RoleCode; children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (me.secondFactor?.required && !me.secondFactor.enabled) return <Navigate to="/second-factor" replace />;
  if (me.role !== role) return <ForbiddenPage />;
  return <>{children}</>;
}
