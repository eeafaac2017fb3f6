import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { KeyDatesCard, ProcedureCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';
import { useSessions } from './queries';

const SessionsPage = lazy(() => import('./SessionsPage'));
const RosterPage = lazy(() => import('./RosterPage'));

function TrainingHome() {
  usePageTitle('培训机构工作台');
  const sessions = useSessions({ status: 'open', page: 1, pageSize: 200 });
  const items = sessions.data?.items ?? [];
  const upcoming = items.filter((s) => s.phase === 'upcoming');
  return (
    <>
      <PageHeader title="培训机构工作台" subtitle="受市市场监管委委托，组织立项项目宣贯培训" />
      <WelcomeBanner description="培训对象为立项项目的质量负责人、项目负责人及关键技术人员，内容包括评价程序、要求及质量工具方法。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card title="培训计划" className="gg-fill" extra={<Link to="/training/sessions">进入培训计划</Link>}>
            <Row gutter={16}>
              <Col xs={12} md={8}>
                <Statistic title="报名中的场次" value={upcoming.length} suffix="场" loading={sessions.isPending} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title="已报名" value={upcoming.reduce((n, s) => n + s.signedUp, 0)} suffix="人" loading={sessions.isPending} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title="剩余名额" value={upcoming.reduce((n, s) => n + s.remaining, 0)} suffix="个" loading={sessions.isPending} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['training']} />
        </Col>
      </Row>
    </>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export default function TrainingApp() {
  return (
    <RoleApp
      base="/training"
      routes={[
        { path: '', element: <TrainingHome /> },
        { path: 'sessions', element: <Lazy><SessionsPage /></Lazy> },
        { path: 'sessions/:id', element: <Lazy><RosterPage /></Lazy> },
      ]}
    />
  );
}
