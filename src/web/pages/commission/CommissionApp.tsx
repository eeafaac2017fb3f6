import { AuditOutlined, RightOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CampaignOverview } from '../../../domain/campaign-config';
import { api, errorMessage } from '../../api';
import { CampaignYearSelect, useSelectedYear } from '../../components/list';
import { PageLoading } from '../../components/PageLoading';
import { KeyDatesCard, ProcedureCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';
import { useSession } from '../../session/session';

const CampaignConfigPage = lazy(() => import('./CampaignConfigPage'));
const AccountsPage = lazy(() => import('./AccountsPage'));
const OrganisationsPage = lazy(() => import('./OrganisationsPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const BatchesPage = lazy(() => import('./BatchesPage'));
const BatchesDetailPage = lazy(() => import('./BatchesDetailPage'));
const HistoryPage = lazy(() => import('./HistoryPage'));
// 宣贯培训: the commission sees and manages every session with the provider's pages.
const TrainingSessionsPage = lazy(() => import('../training/SessionsPage'));
const TrainingRosterPage = lazy(() => import('../training/RosterPage'));
const CertificatesPage = lazy(() => import('./CertificatesPage'));
const ApprovalsPage = lazy(() => import('./ApprovalsPage'));
const PlanPublicationPage = lazy(() => import('./PlanPublicationPage'));
const PublicityPage = lazy(() => import('../publicity/PublicityPage'));
const TrackingListPage = lazy(() => import('../implementation/TrackingListPage'));
const ProjectImplementationPage = lazy(() => import('../implementation/ProjectImplementationPage'));
const ExpertsPage = lazy(() => import('./ExpertsPage'));
const CommissionResultsPage = lazy(() => import('../results/CommissionResultsPage'));
const ResultBatchDetailPage = lazy(() => import('../results/ResultBatchDetailPage'));
const EvaluationGroupsPage = lazy(() => import('../evaluation/GroupsPage'));
const EvaluationGroupPage = lazy(() => import('../evaluation/GroupDetailPage'));

function QuickLink({ to, icon, title, description, disabled }: { to: string; icon: ReactNode; title: string; description: string; disabled?: string }) {
  const body = (
    <Card hoverable={!disabled} className={`gg-quick-link${disabled ? ' gg-quick-link-disabled' : ''}`}>
      <div className="gg-quick-icon" aria-hidden>
        {icon}
      </div>
      <div className="gg-quick-body">
        <div className="gg-quick-title">{title}</div>
        <div className="gg-quick-desc">{disabled ?? description}</div>
      </div>
      {!disabled && <RightOutlined aria-hidden className="gg-quick-arrow" />}
    </Card>
  );
  return disabled ? body : (
    <Link to={to} className="gg-quick-anchor">
      {body}
    </Link>
  );
}

function CommissionHome() {
  usePageTitle('市市场监管委工作台');
  const { me } = useSession();
  return (
    <>
      <PageHeader title="市市场监管委工作台" subtitle="年度活动组织、立项审核、成果评定与公示公布" />
      <WelcomeBanner description="在此配置年度活动、管理各类账户、查阅审计日志；立项审核、宣贯培训和证书发放已上线，成果评定和公示公布功能将陆续上线。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} md={8}>
          <QuickLink to="/commission/campaign" icon={<SettingOutlined />} title="年度活动配置" description="申报方向、产业链、时间窗口、规则与补报窗口" />
        </Col>
        <Col xs={24} md={8}>
          <QuickLink
            to="/commission/accounts"
            icon={<TeamOutlined />}
            title="账户管理"
            description="推荐单位、专家、培训机构及本委账户"
            disabled={me?.isAdmin ? undefined : '需要管理员权限'}
          />
        </Col>
        <Col xs={24} md={8}>
          <QuickLink to="/commission/audit" icon={<AuditOutlined />} title="审计日志" description="全部关键操作留痕，支持导出与哈希链校验" />
        </Col>
        <Col xs={24} xl={16}>
          <OverviewCard />
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24}>
          <ProcedureCard highlight={['approval', 'training', 'evaluation', 'publicity', 'promotion']} />
        </Col>
      </Row>
    </>
  );
}

/** 年度工作概况: live counts per milestone of the current campaign, each linking to its page. */
function OverviewCard() {
  const year = useSelectedYear();
  const overview = useQuery({ queryKey: ['commission', 'overview', year], queryFn: () => api.get<CampaignOverview>('/api/commission/overview', { year }), staleTime: 30_000 });
  return (
    <Card title={overview.data ? `${overview.data.year}年度工作概况` : '年度工作概况'} className="gg-fill" aria-busy={overview.isLoading} extra={<CampaignYearSelect />}>
      {overview.isError ? (
        <Alert type="error" showIcon message="概况加载失败" description={errorMessage(overview.error)} />
      ) : (
        <Row gutter={[16, 16]}>
          {(overview.data?.milestones ?? PLACEHOLDER_MILESTONES).map((m) => (
            <Col xs={12} md={8} xxl={4} key={m.key}>
              <Statistic title={m.label} value={m.count} suffix="项" loading={overview.isLoading} />
            </Col>
          ))}
        </Row>
      )}
      <p className="gg-muted gg-small" style={{ marginTop: 16, marginBottom: 0 }}>
        按项目已到达的环节统计（不含未提交的草稿）；详见<Link to="/commission/approval">立项审核</Link>和<Link to="/commission/batches">推荐批次接收</Link>。
      </p>
    </Card>
  );
}

const PLACEHOLDER_MILESTONES = ['申报项目', '已推荐', '已立项', '已提交成果', '已认定优秀成果'].map((label) => ({ key: label, label, count: 0 }));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (!me?.isAdmin) {
    return (
      <Card>
        <PageHeader title="账户管理" />
        <p>账户管理需要管理员权限，请联系本委系统管理员。</p>
      </Card>
    );
  }
  return <>{children}</>;
}

export default function CommissionApp() {
  return (
    <RoleApp
      base="/commission"
      routes={[
        { path: '', element: <CommissionHome /> },
        { path: 'experts', element: <Lazy><ExpertsPage /></Lazy> },
        { path: 'results', element: <Lazy><CommissionResultsPage /></Lazy> },
        { path: 'results/batches/:id', element: <Lazy><ResultBatchDetailPage /></Lazy> },
        { path: 'evaluation', element: <Lazy><EvaluationGroupsPage /></Lazy> },
        { path: 'evaluation/:id', element: <Lazy><EvaluationGroupPage /></Lazy> },
        {
          path: 'campaign',
          element: (
            <Lazy>
              <CampaignConfigPage />
            </Lazy>
          ),
        },
        {
          path: 'accounts',
          element: (
            <AdminOnly>
              <Lazy>
                <AccountsPage />
              </Lazy>
            </AdminOnly>
          ),
        },
        { path: 'organisations', element: <AdminOnly><Lazy><OrganisationsPage /></Lazy></AdminOnly> },
        { path: 'batches', element: <Lazy><BatchesPage /></Lazy> },
        { path: 'batches/:id', element: <Lazy><BatchesDetailPage /></Lazy> },
        { path: 'history', element: <Lazy><HistoryPage /></Lazy> },
        { path: 'training', element: <Lazy><TrainingSessionsPage base="/commission/training" /></Lazy> },
        { path: 'training/sessions', element: <Lazy><TrainingSessionsPage base="/commission/training" /></Lazy> },
        { path: 'training/sessions/:id', element: <Lazy><TrainingRosterPage base="/commission/training" /></Lazy> },
        { path: 'certificates', element: <Lazy><CertificatesPage /></Lazy> },
        { path: 'approval', element: <Lazy><ApprovalsPage /></Lazy> },
        { path: 'publications', element: <Lazy><PlanPublicationPage /></Lazy> },
        { path: 'publicity', element: <Lazy><PublicityPage /></Lazy> },
        { path: 'tracking', element: <Lazy><TrackingListPage role="commission" base="/commission/tracking" /></Lazy> },
        { path: 'tracking/:id', element: <Lazy><ProjectImplementationPage back="/commission/tracking" /></Lazy> },
        {
          path: 'audit',
          element: (
            <Lazy>
              <AuditPage />
            </Lazy>
          ),
        },
      ]}
    />
  );
}
