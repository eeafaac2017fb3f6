/** The frame of every role's pages: dark-blue side menu, header with organisation and person. */
import { ExclamationCircleOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Layout, Menu, Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../labels';
import { BrandMark } from '../components/BrandMark';
import { personName } from '../components/person-name';
import { MAIN_ID } from '../components/RouteFocus';
import { NotificationBell } from '../components/NotificationBell';
import { ROLE_HOME, ROLE_WORKBENCH_TITLES, useSession } from '../session/session';
import { roleMenu } from './menus';

const { Sider, Header, Footer } = Layout;

/** Below this width the side menu becomes a drawer opened from the header (phones). */
const PHONE_QUERY = '(max-width: 767px)';

function usePhone(): boolean {
  const [phone, setPhone] = useState(() => typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const mq = window.matchMedia(PHONE_QUERY);
    const on = () => setPhone(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return phone;
}

export function RoleLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { modal } = App.useApp();
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 992);
  const phone = usePhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A page change closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);
  if (!me) return null;

  const items = roleMenu(me);
  // Longest matching path wins (so /commission/accounts does not select /commission).
  const selected = items
    .filter((i) => pathname === i.path || pathname.startsWith(i.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  const doLogout = async (all: boolean) => {
    try {
      await logout(all, () => navigate('/login', { replace: true }));
    } catch {
      // The local session is dropped either way; the server session ends at its idle timeout.
    }
  };

  const confirmLogoutAll = () =>
    modal.confirm({
      title: '退出所有设备',
      icon: <ExclamationCircleOutlined />,
      content: '将结束您在所有电脑和浏览器上的登录状态（包括本机），确定继续吗？',
      okText: '全部退出',
      cancelText: '取消',
      onOk: () => doLogout(true),
    });

  const menu = (narrow: boolean) => (
    <nav aria-label="功能菜单">
      <Menu
        theme={phone ? 'light' : 'dark'}
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => navigate(key)}
        items={items.map((i) => {
          const reason = i.comingSoon ? '即将上线' : i.disabledReason;
          return {
            key: i.path,
            icon: i.icon,
            disabled: !!reason,
            title: reason ? `${i.label}（${reason}）` : i.label,
            label: reason ? (
              <Tooltip title={reason} placement="right">
                <span className="gg-menu-soon">
                  {i.label}
                  {!narrow && <span className="gg-soon-badge">{i.comingSoon ? '即将上线' : '无权限'}</span>}
                </span>
              </Tooltip>
            ) : (
              i.label
            ),
          };
        })}
      />
    </nav>
  );

  return (
    <Layout className="gg-role-layout" hasSider={!phone}>
      {phone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={272}
          title={ROLE_WORKBENCH_TITLES[me.role]}
          className="gg-menu-drawer"
          closable={{ 'aria-label': '关闭菜单' }}
        >
          <div className="gg-drawer-who">
            <div>{me.organisation.name}</div>
            <div className="gg-muted">
              {personName(me.displayName, me.organisation.name)} · {ROLE_LABELS[me.role]}
            </div>
          </div>
          {menu(false)}
          <div className="gg-drawer-links">
            <Link to="/change-password">
              <KeyOutlined aria-hidden /> 修改密码
            </Link>
            <Button type="link" onClick={confirmLogoutAll}>
              退出所有设备
            </Button>
          </div>
        </Drawer>
      ) : (
      <Sider
        width={232}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        trigger={null}
        className="gg-sider"
        aria-label="功能菜单"
      >
        <Link to={items[0].path} className="gg-sider-brand" aria-label={collapsed ? `${ROLE_WORKBENCH_TITLES[me.role]} 首页` : undefined}>
          <BrandMark size={32} />
          {!collapsed && (
            <span className="gg-sider-brand-text">
              <span>天津市质量攻关</span>
              <small>管理平台</small>
            </span>
          )}
        </Link>
        {menu(collapsed)}
      </Sider>
      )}
      <Layout>
        <Header className="gg-header">
          <Space size="middle" className="gg-header-left">
            <Button
              type="text"
              aria-label={phone ? '打开菜单' : collapsed ? '展开菜单' : '收起菜单'}
              aria-expanded={phone ? drawerOpen : !collapsed}
              icon={phone || collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
              onClick={() => (phone ? setDrawerOpen(true) : setCollapsed((c) => !c))}
            />
            <span className="gg-header-title">{ROLE_WORKBENCH_TITLES[me.role]}</span>
          </Space>
          <Space size="middle" className="gg-header-right" wrap={false}>
            <span className="gg-header-org" data-testid="header-org" title={me.organisation.name}>
              {me.organisation.name}
            </span>
            <span className="gg-header-user" data-testid="header-user">
              <UserOutlined aria-hidden /> <span className="gg-header-name">{personName(me.displayName, me.organisation.name)}</span>
              <Tag className="gg-role-tag" color="blue">
                {ROLE_LABELS[me.role]}
                {me.isAdmin ? ' · 管理员' : ''}
              </Tag>
            </span>
            <NotificationBell base={ROLE_HOME[me.role]} />
            <Link to="/change-password" className="gg-header-link gg-hide-phone">
              <KeyOutlined aria-hidden /> 修改密码
            </Link>
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => doLogout(false)}>
              退出登录
            </Button>
            <Button type="text" onClick={confirmLogoutAll} className="gg-hide-phone">
              退出所有设备
            </Button>
          </Space>
        </Header>
        {/* antd's Content is itself a <main>: a plain box keeps one <main> per page. */}
        <div className="ant-layout-content gg-content">
          <main id={MAIN_ID} tabIndex={-1} className="gg-main">
            {children}
          </main>
        </div>
        <Footer className="gg-footer">天津市市场监督管理委员会 · 天津市质量攻关管理平台 · 所有时间均为北京时间</Footer>
      </Layout>
    </Layout>
  );
}

export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="gg-page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <div className="gg-page-subtitle">{subtitle}</div>}
      </div>
      {extra && <div className="gg-page-extra">{extra}</div>}
    </div>
  );
}
