import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';
import { errorMessage } from '../../api';
import type { ApplicationListItem } from '../../../shared/applications';
import ApplicationsPage, { applicationColumns, useCreateApplication } from './ApplicationsPage';
import { useApplicationList } from './queries';

const ApplicationPage = lazy(() => import('./editor/ApplicationPage'));
const OrganisationPage = lazy(() => import('./OrganisationPage'));
const TrainingPage = lazy(() => import('./TrainingPage'));
const TrackingListPage = lazy(() => import('../implementation/TrackingListPage'));
const ProjectImplementationPage = lazy(() => import('../implementation/ProjectImplementationPage'));
const ResultsPage = lazy(() => import('../results/ApplicantResultsPage'));
const ShowcasePage = lazy(() => import('../publicity/ApplicantShowcasePage'));

export const REGISTER_NOTICES_KEY = 'gg_register_notices';

function RegisterNotices() {
  const [notices, setNotices] = useState<string[]>(() => {
    try {
      const raw = window.sessionStorage.getItem(REGISTER_NOTICES_KEY);
      return raw ? (JSON.parse(raw) as string[]) : [];
    } catch {
      return [];
    }
  });
  if (notices.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 20 }}
      title="注册成功，请留意以下事项"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      }
      closable={{
        'aria-label': '关闭提示',
        onClose: () => {
          window.sessionStorage.removeItem(REGISTER_NOTICES_KEY);
          setNotices([]);
        },
      }}
    />
  );
}

function ApplicantHome() {
  usePageTitle('申报单位工作台');
  const { data, isPending, error } = useApplicationList({ page: 1, pageSize: 5 });
  const { create, busy } = useCreateApplication();
  const todo = (data?.items ?? []).filter((a) => a.state === 'draft' || a.state === 'returned');
  return (
    <>
      <PageHeader title="申报单位工作台" subtitle="填报申报书、跟踪项目进度、提交攻关成果" />
      <RegisterNotices />
      <WelcomeBanner description="请在申报截止前完成申报书填报并提交推荐单位审核；所有操作均以北京时间和服务器时间为准。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card
            title="我的申报项目"
            className="gg-fill"
            extra={
              <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center' }}>
                <Link to="/applicant/applications">全部申报</Link>
                <Button type="primary" icon={<PlusOutlined />} loading={busy} onClick={create}>
                  新建申报
                </Button>
              </span>
            }
          >
            {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
            <Table<ApplicationListItem>
              size="middle"
              rowKey="id"
              loading={isPending}
              dataSource={data?.items ?? []}
              pagination={false}
              locale={{ emptyText: '暂无申报项目，点击“新建申报”开始填写申报书' }}
              scroll={{ x: 'max-content' }}
              columns={applicationColumns().filter((c) => c.title !== '申报编号' && c.title !== '推荐单位')}
            />
            {data && data.total > data.items.length && (
              <div style={{ marginTop: 12, textAlign: 'right' }}>
                <Link to="/applicant/applications">查看全部 {data.total} 项申报</Link>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard empty="暂无待办事项">
            {todo.length > 0 ? (
              <ul className="gg-todo-list" style={{ margin: 0, paddingLeft: 18 }}>
                {todo.map((a) => (
                  <li key={a.id} style={{ marginBottom: 6 }}>
                    <Link to={`/applicant/applications/${a.id}`}>{a.name || '（未命名申报书）'}</Link>
                    <span className="gg-muted">{a.state === 'returned' ? ' — 推荐单位退回补正，请修改后重新提交' : ' — 草稿尚未提交'}</span>
                  </li>
                ))}
              </ul>
            ) : undefined}
          </TodoCard>
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['application', 'training', 'implementation', 'results']} />
        </Col>
      </Row>
    </>
  );
}

export default function ApplicantApp() {
  return (
    <RoleApp
      base="/applicant"
      routes={[
        { path: '', element: <ApplicantHome /> },
        { path: 'applications', element: <ApplicationsPage /> },
        { path: 'implementation', element: <Suspense fallback={<PageLoading />}><TrackingListPage role="applicant" base="/applicant/implementation" /></Suspense> },
        { path: 'implementation/:id', element: <Suspense fallback={<PageLoading />}><ProjectImplementationPage back="/applicant/implementation" /></Suspense> },
        { path: 'results', element: <Suspense fallback={<PageLoading />}><ResultsPage /></Suspense> },
        { path: 'results/:id', element: <Suspense fallback={<PageLoading />}><ResultsPage /></Suspense> },
        { path: 'organisation', element: <Suspense fallback={<PageLoading />}><OrganisationPage /></Suspense> },
        { path: 'showcase', element: <Suspense fallback={<PageLoading />}><ShowcasePage /></Suspense> },
        {
          path: 'applications/:id',
          element: (
            <Suspense fallback={<PageLoading />}>
              <ApplicationPage />
            </Suspense>
          ),
        },
        {
          path: 'training',
          element: (
            <Suspense fallback={<PageLoading />}>
              <TrainingPage />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
