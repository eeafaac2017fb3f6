import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Table, Tooltip } from 'antd';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';

function ApplicantHome() {
  usePageTitle('申报单位工作台');
  return (
    <>
      <PageHeader title="申报单位工作台" subtitle="填报申报书、跟踪项目进度、提交攻关成果" />
      <WelcomeBanner description="请在申报截止前完成申报书填报并提交推荐单位审核；所有操作均以北京时间和服务器时间为准。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <Card
            title="我的申报项目"
            className="gg-fill"
            extra={
              <Tooltip title="即将上线">
                <Button type="primary" icon={<PlusOutlined />} disabled>
                  新建申报
                </Button>
              </Tooltip>
            }
          >
            <Table
              size="middle"
              rowKey="id"
              dataSource={[]}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申报项目，项目申报功能即将上线" /> }}
              columns={[
                { title: '项目名称', dataIndex: 'name' },
                { title: '申报方向', dataIndex: 'direction', width: 140 },
                { title: '推荐单位', dataIndex: 'recommender', width: 180 },
                { title: '状态', dataIndex: 'state', width: 120 },
                { title: '更新时间', dataIndex: 'updatedAt', width: 160 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard />
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['application', 'training', 'implementation', 'results']} />
        </Col>
      </Row>
    </>
  );
}

export default function ApplicantApp() {
  return <RoleApp base="/applicant" routes={[{ path: '', element: <ApplicantHome /> }]} />;
}
