import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageLoading } from '../../components/PageLoading';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';
import { useInbox } from './queries';
import '../../components/review/review.css';

const ReviewsPage = lazy(() => import('./ReviewsPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const BatchesPage = lazy(() => import('./BatchesPage'));
const TrainingSignupsPage = lazy(() => import('./TrainingSignupsPage'));
const TrackingListPage = lazy(() => import('../implementation/TrackingListPage'));
const ProjectImplementationPage = lazy(() => import('../implementation/ProjectImplementationPage'));
const ResultsPage = lazy(() => import('../results/RecommenderResultsPage'));

const STATS: { label: string; states: string[]; tab: string }[] = [
  { label: '待审核', states: ['submitted'], tab: 'submitted' },
  { label: '已推荐（待报送）', states: ['recommended'], tab: 'recommended' },
  { label: '退回补正', states: ['returned'], tab: 'returned' },
  { label: '已报送', states: ['under_review', 'approved', 'rejected'], tab: 'sent' },
];

function RecommenderHome() {
  usePageTitle('推荐单位工作台');
  const inbox = useInbox({ page: 1, pageSize: 1 });
  const counts = inbox.data?.counts ?? {};
  const n = (states: string[]) => states.reduce((s, x) => s + (counts[x] ?? 0), 0);
  const pending = n(['submitted']);
  const unsent = n(['recommended']);
  return (
    <>
      <PageHeader title="推荐单位工作台" subtitle="审核申报材料、出具推荐意见、跟踪指导项目实施、报送攻关成果" />
      <WelcomeBanner description="请在截止时间前完成申报材料的真实性、完整性审核，并将推荐汇总表（Word 及盖章 PDF）报送市市场监管委。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card title="审核概况" className="gg-fill" extra={<Link to="/recommender/reviews">进入申报审核</Link>}>
            <Row gutter={16}>
              {STATS.map((s) => (
                <Col xs={12} md={6} key={s.label}>
                  <Link to={`/recommender/reviews${s.tab === 'submitted' ? '' : `?tab=${s.tab}`}`} aria-label={`${s.label} ${n(s.states)} 项`}>
                    <Statistic title={s.label} value={n(s.states)} suffix="项" loading={inbox.isPending} />
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard empty="暂无待办事项">
            {pending + unsent > 0 ? (
              <ul className="gg-rv-check">
                {pending > 0 && (
                  <li>
                    <Link to="/recommender/reviews">
                      {pending} 个申报待审核 <RightOutlined aria-hidden />
                    </Link>
                  </li>
                )}
                {unsent > 0 && (
                  <li>
                    <Link to="/recommender/batches">
                      {unsent} 个已推荐项目待报送市市场监管委 <RightOutlined aria-hidden />
                    </Link>
                  </li>
                )}
              </ul>
            ) : undefined}
          </TodoCard>
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['application', 'tracking', 'results']} />
        </Col>
      </Row>
    </>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export default function RecommenderApp() {
  return (
    <RoleApp
      base="/recommender"
      routes={[
        { path: '', element: <RecommenderHome /> },
        { path: 'reviews', element: <Lazy><ReviewsPage /></Lazy> },
        { path: 'reviews/:id', element: <Lazy><ReviewPage /></Lazy> },
        { path: 'batches', element: <Lazy><BatchesPage /></Lazy> },
        { path: 'training', element: <Lazy><TrainingSignupsPage /></Lazy> },
        { path: 'tracking', element: <Lazy><TrackingListPage role="recommender" base="/recommender/tracking" /></Lazy> },
        { path: 'tracking/:id', element: <Lazy><ProjectImplementationPage back="/recommender/tracking" /></Lazy> },
        { path: 'results', element: <Lazy><ResultsPage /></Lazy> },
        { path: 'results/:id', element: <Lazy><ResultsPage /></Lazy> },
        // Server notifications link to /recommender/batch.
        { path: 'batch', element: <Lazy><BatchesPage /></Lazy> },
      ]}
    />
  );
}
