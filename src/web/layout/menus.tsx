/** Role menus. Items of procedures not built yet are shown disabled ("即将上线"). */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, RoleCode } from '../../shared/auth';

export interface RoleMenuItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Not built yet: disabled with the tooltip "即将上线". */
  comingSoon?: boolean;
  /** Why it is disabled for this person (e.g. not an administrator). */
  disabledReason?: string;
}

export function roleMenu(me: Me): RoleMenuItem[] {
  return MENUS[me.role](me);
}

const MENUS: Record<RoleCode, (me: Me) => RoleMenuItem[]> = {
  applicant: () => [
    { path: '/applicant', label: '工作台', icon: <DashboardOutlined /> },
    { path: '/applicant/applications', label: '项目申报', icon: <FileTextOutlined /> },
    { path: '/applicant/implementation', label: '项目实施', icon: <FundProjectionScreenOutlined /> },
    { path: '/applicant/training', label: '宣贯培训', icon: <BookOutlined /> },
    { path: '/applicant/results', label: '成果提交', icon: <FileDoneOutlined /> },
    { path: '/applicant/showcase', label: '优秀成果展示', icon: <TrophyOutlined /> },
    { path: '/applicant/organisation', label: '单位信息', icon: <SolutionOutlined /> },
  ],
  recommender: () => [
    { path: '/recommender', label: '工作台', icon: <DashboardOutlined /> },
    { path: '/recommender/reviews', label: '申报审核', icon: <CheckSquareOutlined /> },
    { path: '/recommender/batches', label: '推荐报送', icon: <SendOutlined /> },
    { path: '/recommender/training', label: '宣贯培训', icon: <BookOutlined /> },
    { path: '/recommender/tracking', label: '跟踪服务', icon: <CarryOutOutlined /> },
    { path: '/recommender/results', label: '成果报送', icon: <FileDoneOutlined /> },
    { path: '/recommender/applicants', label: '申报单位', icon: <TeamOutlined />, comingSoon: true },
  ],
  commission: (me) => [
    { path: '/commission', label: '工作台', icon: <DashboardOutlined /> },
    { path: '/commission/campaign', label: '年度活动配置', icon: <SettingOutlined /> },
    { path: '/commission/accounts', label: '账户管理', icon: <TeamOutlined />, disabledReason: me.isAdmin ? undefined : '需要管理员权限' },
    { path: '/commission/organisations', label: '单位管理', icon: <ApartmentOutlined />, disabledReason: me.isAdmin ? undefined : '需要管理员权限' },
    { path: '/commission/audit', label: '审计日志', icon: <AuditOutlined /> },
    { path: '/commission/batches', label: '推荐批次接收', icon: <InboxOutlined /> },
    { path: '/commission/history', label: '历年成果库', icon: <DatabaseOutlined /> },
    { path: '/commission/approval', label: '立项审核', icon: <CheckSquareOutlined /> },
    { path: '/commission/publications', label: '立项计划公布', icon: <NotificationOutlined /> },
    { path: '/commission/training', label: '宣贯培训', icon: <BookOutlined /> },
    { path: '/commission/tracking', label: '项目实施跟踪', icon: <FundProjectionScreenOutlined /> },
    { path: '/commission/experts', label: '专家库', icon: <SolutionOutlined /> },
    { path: '/commission/results', label: '成果接收', icon: <FileDoneOutlined /> },
    { path: '/commission/evaluation', label: '成果评定', icon: <TrophyOutlined /> },
    { path: '/commission/publicity', label: '公示公布', icon: <NotificationOutlined /> },
    { path: '/commission/certificates', label: '证书发放', icon: <SafetyCertificateOutlined /> },
    { path: '/commission/statistics', label: '统计分析', icon: <BarChartOutlined />, comingSoon: true },
  ],
  expert: () => [
    { path: '/expert', label: '工作台', icon: <DashboardOutlined /> },
    { path: '/expert/tasks', label: '评定任务', icon: <ScheduleOutlined /> },
    { path: '/expert/profile', label: '本人信息与回避申报', icon: <StopOutlined /> },
  ],
  training_provider: () => [
    { path: '/training', label: '工作台', icon: <DashboardOutlined /> },
    { path: '/training/sessions', label: '培训计划', icon: <CalendarOutlined /> },
    { path: '/training/attendance', label: '参训记录', icon: <CheckSquareOutlined />, comingSoon: true },
  ],
};
