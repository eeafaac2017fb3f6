import { App as AntApp, Result } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { PageLoading } from '../components/PageLoading';
import { Link, Route, Routes } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle';
import { RoleLayout } from './RoleLayout';

const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));

export interface RoleRoute {
  /** Relative to the role's base path; '' is the index. */
  path: string;
  element: ReactNode;
}

/** A role's area: the layout around its own routes, with a 404 inside the frame. */
export function RoleApp({ base, routes }: { base: string; routes: RoleRoute[] }) {
  return (
    <AntApp component={false}>
      <RoleLayout>
      <Routes>
        {routes.map((r) => (r.path === '' ? <Route key="index" index element={r.element} /> : <Route key={r.path} path={r.path} element={r.element} />))}
        <Route path="notifications" element={<Suspense fallback={<PageLoading />}><NotificationsPage /></Suspense>} />
        <Route path="*" element={<InnerNotFound base={base} />} />
      </Routes>
      </RoleLayout>
    </AntApp>
  );
}

function InnerNotFound({ base }: { base: string }) {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title={<h1 className="gg-result-title">404 页面不存在</h1>}
      subTitle="该功能不存在或尚未上线。"
      extra={
        <Link className="gg-link-btn gg-link-btn-primary" to={base}>
          返回工作台
        </Link>
      }
    />
  );
}
