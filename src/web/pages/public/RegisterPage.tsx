import { Result } from 'antd';
import { Panel } from '../../components/Panel';
import { Link } from 'react-router';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Placeholder until the application module (another issue) brings self-registration. */
export default function RegisterPage() {
  usePageTitle('申报单位注册');
  return (
    <PublicShell>
      <div className="gg-narrow">
        <Panel>
          <Result
            status="info"
            title={<h1 className="gg-result-title">申报单位注册</h1>}
            subTitle="申报单位注册功能将随项目申报模块一同上线。注册需提供单位名称、统一社会信用代码（天津市登记）及联系人信息，并选择推荐单位。"
            extra={
              <Link className="gg-link-btn gg-link-btn-primary" to="/">
                返回首页
              </Link>
            }
          />
        </Panel>
      </div>
    </PublicShell>
  );
}
