import { Result } from 'antd';
import { Link } from 'react-router';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { homeFor, useSession } from '../../session/session';

export default function NotFoundPage() {
  usePageTitle('页面不存在');
  const { me } = useSession();
  return (
    <PublicShell>
      <div className="gg-narrow">
        <Result
          status="404"
          title={<h1 className="gg-result-title">404 页面不存在</h1>}
          subTitle="您访问的页面不存在或已被移除，请检查地址是否正确。"
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
