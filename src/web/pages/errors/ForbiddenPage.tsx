import { Result } from 'antd';
import { Link } from 'react-router';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { homeFor, useSession } from '../../session/session';

export default function ForbiddenPage() {
  usePageTitle('无权访问');
  const { me } = useSession();
  return (
    <PublicShell>
      <div className="gg-narrow">
        <Result
          status="403"
          title={<h1 className="gg-result-title">403 无权访问</h1>}
          subTitle="抱歉，您当前的账户没有访问此页面的权限。如需开通，请联系市市场监管委质量发展处。"
          extra={
            <Link className="gg-link-btn gg-link-btn-primary" to={me ? homeFor(me) : '/'}>
              {me ? '返回我的工作台' : '返回首页'}
            </Link>
          }
        />
      </div>
    </PublicShell>
  );
}
