/** Frame of the pages anyone can see: portal, login, registration, error pages. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession, homeFor, ROLE_WORKBENCH_TITLES } from '../session/session';
import { BrandMark } from './BrandMark';
import { MAIN_ID } from './RouteFocus';

export function PublicShell({ children, hideNav = false }: { children: ReactNode; hideNav?: boolean }) {
  const { me } = useSession();
  return (
    <div className="gg-public">
      <header className="gg-public-header">
        <div className="gg-public-header-inner">
          <Link to="/" className="gg-brand" title="返回首页">
            <BrandMark />
            <span className="gg-brand-text">
              <span className="gg-brand-title">天津市质量攻关管理平台</span>
              <span className="gg-brand-sub">天津市市场监督管理委员会</span>
            </span>
          </Link>
          {!hideNav && (
            <nav aria-label="站点导航" className="gg-public-nav">
              <Link className="gg-public-nav-link" to="/">
                首页
              </Link>
              {me ? (
                <Link className="gg-link-btn gg-link-btn-light" to={homeFor(me)}>
                  进入{ROLE_WORKBENCH_TITLES[me.role]}
                </Link>
              ) : (
                <>
                  <Link className="gg-link-btn gg-link-btn-outline" to="/register">
                    申报单位注册
                  </Link>
                  <Link className="gg-link-btn gg-link-btn-light" to="/login">
                    登录
                  </Link>
                </>
              )}
            </nav>
          )}
        </div>
      </header>
      <main id={MAIN_ID} className="gg-public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="gg-public-footer">
        <div className="gg-public-footer-inner">
          <div>主办单位：天津市市场监督管理委员会（质量发展处）</div>
          <div>建议使用 Chrome、Edge、Firefox 或 360 安全浏览器（极速模式）最新版本访问 · 所有时间均为北京时间</div>
        </div>
      </footer>
    </div>
  );
}
