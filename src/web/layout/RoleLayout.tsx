/** The frame of every role's pages: dark-blue side menu, header with organisation and person. */
import { ExclamationCircleOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../labels';
import { BrandMark } from '../components/BrandMark';
import { MAIN_ID } from '../components/RouteFocus';
import { NotificationBell } from '../components/NotificationBell';
import { ROLE_HOME, ROLE_WORKBENCH_TITLES, useSession } from '../session/session';
import { roleMenu } from './menus';

const { Sider, Header, Content, Footer } = Layout;

export function RoleLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { modal } = App.useApp();
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 992);
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

  return (
    <Layout className="gg-role-layout" hasSider>
      <Sider
        width={232}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        trigger={null}
        className="gg-sider"
        aria-label="功能菜单"
      >
        <Link to={items[0].path} className="gg-sider-brand" aria-label={`${ROLE_WORKBENCH_TITLES[me.role]} 首页`}>
          <BrandMark size={32} />
          {!collapsed && (
            <span className="gg-sider-brand-text">
              <span>天津市质量攻关</span>
              <small>管理平台</small>
            </span>
          )}
        </Link>
        <nav aria-label="功能菜单">
          <Menu
            theme="dark"
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
                      {!collapsed && <span className="gg-soon-badge">{i.comingSoon ? '即将上线' : '无权限'}</span>}
                    </span>
                  </Tooltip>
                ) : (
                  i.label
                ),
              };
            })}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="gg-header">
          <Space size="middle" className="gg-header-left">
            <Button
              type="text"
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              aria-expanded={!collapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            <span className="gg-header-title">{ROLE_WORKBENCH_TITLES[me.role]}</span>
          </Space>
          <Space size="middle" className="gg-header-right" wrap={false}>
            <span className="gg-header-org" data-testid="header-org" title={me.organisation.name}>
              {me.organisation.name}
            </span>
            <span className="gg-header-user" data-testid="header-user">
              <UserOutlined aria-hidden /> {me.displayName}
              <Tag className="gg-role-tag" color="blue">
                {ROLE_LABELS[me.role]}
                {me.isAdmin ? ' · 管理员' : ''}
              </Tag>
            </span>
            <NotificationBell base={ROLE_HOME[me.role]} />
            <Link to="/change-password" className="gg-header-link">
              <KeyOutlined aria-hidden /> 修改密码
            </Link>
            <Button icon={<LogoutOutlined />} onClick={() => doLogout(false)}>
              退出登录
            </Button>
            <Button type="text" onClick={confirmLogoutAll}>
              退出所有设备
            </Button>
          </Space>
        </Header>
        <Content className="gg-content">
          <main id={MAIN_ID} tabIndex={-1} className="gg-main">
            {children}
          </main>
        </Content>
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
