import { Card, Col, Row, Statistic } from 'antd';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';

function RecommenderHome() {
  usePageTitle('推荐单位工作台');
  return (
    <>
      <PageHeader title="推荐单位工作台" subtitle="审核申报材料、出具推荐意见、跟踪指导项目实施、报送攻关成果" />
      <WelcomeBanner description="请在截止时间前完成申报材料的真实性、完整性审核，并将推荐汇总表（Word 及盖章 PDF）报送市市场监管委。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card title="审核概况" className="gg-fill">
            <Row gutter={16}>
              {['待审核', '已推荐', '退回补正', '已报送'].map((t) => (
                <Col xs={12} md={6} key={t}>
                  <Statistic title={t} value={0} suffix="项" />
                </Col>
              ))}
            </Row>
            <p className="gg-muted gg-small" style={{ marginTop: 16, marginBottom: 0 }}>
              申报审核与推荐报送功能即将上线，上线后将在此显示本单位负责的申报项目。
            </p>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard />
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['application', 'tracking', 'results']} />
        </Col>
      </Row>
    </>
  );
}

export default function RecommenderApp() {
  return <RoleApp base="/recommender" routes={[{ path: '', element: <RecommenderHome /> }]} />;
}
