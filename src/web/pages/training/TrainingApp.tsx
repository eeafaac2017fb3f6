import { Col, Row } from 'antd';
import { KeyDatesCard, ProcedureCard, TodoCard, WelcomeBanner } from '../../components/Workbench';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';
import { RoleApp } from '../../layout/RoleApp';

function TrainingHome() {
  usePageTitle('培训机构工作台');
  return (
    <>
      <PageHeader title="培训机构工作台" subtitle="受市市场监管委委托，组织立项项目宣贯培训" />
      <WelcomeBanner description="培训对象为立项项目的质量负责人、项目负责人及关键技术人员，内容包括评价程序、要求及质量工具方法。" />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={16}>
          <TodoCard title="培训计划" empty="暂无培训计划，培训管理功能即将上线" />
        </Col>
        <Col xs={24} xl={8}>
          <KeyDatesCard />
        </Col>
        <Col xs={24} xl={16}>
          <TodoCard title="参训记录" empty="暂无参训记录" />
        </Col>
        <Col xs={24} xl={8}>
          <ProcedureCard highlight={['training']} />
        </Col>
      </Row>
    </>
  );
}

export default function TrainingApp() {
  return <RoleApp base="/training" routes={[{ path: '', element: <TrainingHome /> }]} />;
}
