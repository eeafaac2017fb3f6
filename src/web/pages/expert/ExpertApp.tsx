import { Col, Row } from 'antd';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';
import { TaskTodo } from './TaskTodo';

const ProfilePage = lazy(() => import('./ProfilePage'));
const TasksPage = lazy(() => import('./TasksPage'));
const TaskPage = lazy(() => import('./TaskPage'));

function ExpertHome() {
  usePageTitle('评定专家工作台');
  return (
    <>
      <PageHeader title="评定专家工作台" subtitle="接受评定任务、声明利益冲突、依据 DB12/T 1273-2023 开展成果评定" />
      <WelcomeBanner description="评定任务由市市场监管委从专家库抽取分配；如与评定对象存在利益关系，请及时声明回避。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <TodoCard title="我的评定任务">
            <TaskTodo states={['invited', 'scoring']} empty="暂无评定任务" />
          </TodoCard>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard title="回避声明">
            <TaskTodo states={['accepted']} empty="暂无需要声明的事项" />
          </TodoCard>
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['evaluation']} />
        </Col>
      </Row>
    </>
  );
}

export default function ExpertApp() {
  return (
    <RoleApp
      base="/expert"
      routes={[
        { path: '', element: <ExpertHome /> },
        { path: 'profile', element: <Suspense fallback={<PageLoading />}><ProfilePage /></Suspense> },
        { path: 'tasks', element: <Suspense fallback={<PageLoading />}><TasksPage /></Suspense> },
        { path: 'tasks/:id', element: <Suspense fallback={<PageLoading />}><TaskPage /></Suspense> },
      ]}
    />
  );
}
