/** Public portal home: the current campaign, the nine procedures and the public information. */
import { FileSearchOutlined, FlagOutlined, MailOutlined, NotificationOutlined, PhoneOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Col, Row, Steps } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { KeyDates } from '../../components/KeyDates';
import { Panel } from '../../components/Panel';
import { PublicShell } from '../../components/PublicShell';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { useServerClock } from '../../hooks/useServerClock';
import { PROCEDURES } from '../../procedures';
import { errorMessage } from '../../api';
import { formatBeijing } from '../../time';
import type { PublicCampaign } from '../../types';
import { PublicationLine } from './PublicationLine';
import { ExcellentPanel, PublicityPanel } from './PortalPublicityPanels';
import { usePublications } from './publications-api';

/** Which procedure the year is in, by the server's clock. */
function currentProcedure(c: PublicCampaign, now: number): number {
  const app = c.windows.find((w) => w.key === 'application');
  const res = c.windows.find((w) => w.key === 'results');
  if (app && now <= new Date(app.closesAt).getTime()) return 0;
  if (res && now < new Date(res.opensAt).getTime()) return 3;
  if (res && now <= new Date(res.closesAt).getTime()) return 5;
  return 6;
}

function SectionTitle({ id, icon, children }: { id: string; icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <h2 id={id} className="gg-section-title">
      <span className="gg-section-icon" aria-hidden>
        {icon}
      </span>
      {children}
    </h2>
  );
}

function CampaignSections({ campaign }: { campaign: PublicCampaign }) {
  const now = useServerClock(campaign.serverTime, 60_000) ?? new Date(campaign.serverTime).getTime();
  const current = currentProcedure(campaign, now);
  return (
    <>
      <section aria-labelledby="sec-directions" className="gg-section">
        <SectionTitle id="sec-directions" icon={<FlagOutlined />}>
          {campaign.year}年度申报方向
        </SectionTitle>
        <Row gutter={[20, 20]}>
          {campaign.directions.map((d) => (
            <Col xs={24} md={12} key={d.code}>
              <Panel
                className={`gg-direction-card${d.preferred ? ' gg-direction-preferred' : ''}`}
                title={
                  <>
                    <span>{d.label}</span>
                    {d.preferred && (
                      <span className="gg-badge-red" data-testid="preferred-badge">
                        倾斜支持
                      </span>
                    )}
                  </>
                }
              >
                <p className="gg-direction-desc">{d.description}</p>
                <div className="gg-label">攻关重点</div>
                <ul className="gg-target-list">
                  {d.targets.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              </Panel>
            </Col>
          ))}
        </Row>
      </section>

      <section aria-labelledby="sec-chains" className="gg-section">
        <SectionTitle id="sec-chains" icon={<TeamOutlined />}>
          重点产业链与申报条件
        </SectionTitle>
        <Row gutter={[20, 20]}>
          <Col xs={24} lg={14}>
            <Panel title="重点产业链" className="gg-fill">
              <div className="gg-tags" data-testid="focus-chains">
                {campaign.focusChains.map((c) => (
                  <span key={c} className="gg-chip">
                    {c}
                  </span>
                ))}
              </div>
              <div className="gg-label" style={{ marginTop: 16 }}>
                民生产业
              </div>
              <div className="gg-tags">
                {campaign.livelihoodIndustries.map((c) => (
                  <span key={c} className="gg-chip gg-chip-alt">
                    {c}
                  </span>
                ))}
              </div>
              <p className="gg-muted gg-small" style={{ marginTop: 12, marginBottom: 0 }}>
                不在上述产业链范围内的项目，可选择“其他”申报。
              </p>
            </Panel>
          </Col>
          <Col xs={24} lg={10}>
            <Panel title="申报条件" className="gg-fill">
              <ol className="gg-conditions">
                <li>在天津市行政区域内注册的企事业单位，或经行业主管部门认可的行业质量管理组织。</li>
                <li>
                  项目在{campaign.benefitAreas.map((b) => `“${b.label}”`).join('、')}等至少一个方面取得显著成效。
                </li>
                <li>
                  项目于 {formatBeijing(`${campaign.earliestStartDate}T00:00:00+08:00`, 'dateCn')} 以后启动实施，且未与往年优秀成果雷同。
                </li>
              </ol>
            </Panel>
          </Col>
        </Row>
      </section>

      <section aria-labelledby="sec-procedures" className="gg-section">
        <SectionTitle id="sec-procedures" icon={<FileSearchOutlined />}>
          工作流程
        </SectionTitle>
        <Panel>
          <Steps
            className="gg-procedure-steps"
            current={current}
            titlePlacement="vertical"
            size="small"
            items={PROCEDURES.map((p, i) => ({ key: p.key, title: `${['一', '二', '三', '四', '五', '六', '七', '八', '九'][i]}、${p.title}` }))}
          />
          <ol className="gg-procedure-grid" aria-label="九项工作程序说明">
            {PROCEDURES.map((p, i) => (
              <li key={p.key} className={i === current ? 'gg-procedure-current' : undefined}>
                <div className="gg-procedure-no" aria-hidden>
                  {i + 1}
                </div>
                <div>
                  <div className="gg-procedure-title">
                    {p.title}
                    {i === current && (
                      <span className="gg-phase gg-phase-open" style={{ marginLeft: 8 }}>
                        当前阶段
                      </span>
                    )}
                  </div>
                  <div className="gg-procedure-actor">{p.actor}</div>
                  <div className="gg-procedure-desc">{p.description}</div>
                </div>
              </li>
            ))}
          </ol>
        </Panel>
      </section>
    </>
  );
}

const DISCLOSURES = [
  { key: 'plan', title: '立项计划公布', icon: <NotificationOutlined /> },
  { key: 'publicity', title: '公示', icon: <FileSearchOutlined /> },
  { key: 'excellent', title: '优秀成果', icon: <TrophyOutlined /> },
];

/** 立项计划公布: the current (not corrected) project plans, newest year first. */
function PlanPublications() {
  const { data } = usePublications();
  const plans = (data?.items ?? []).filter((p) => p.kind === 'project_plan' && !p.correctedBy).slice(0, 3);
  if (plans.length === 0) return <EmptyState text="暂无公开信息" />;
  return (
    <>
      <ul className="gg-pub-list">
        {plans.map((p) => (
          <PublicationLine key={p.id} p={p} />
        ))}
      </ul>
      <Link to="/publications" className="gg-small">
        查看全部公开信息
      </Link>
    </>
  );
}

export default function PortalHome() {
  usePageTitle(undefined);
  const { data: campaign, isPending, error } = usePublicCampaign();

  return (
    <PublicShell>
      <div className="gg-hero">
        <div className="gg-container gg-hero-inner">
          <div className="gg-hero-text">
            <h1 className="gg-hero-title">天津市质量攻关管理平台</h1>
            <p className="gg-hero-sub">
              {campaign ? campaign.title : '质量攻关项目申报、审核、实施、评定与公示公布一体化管理'}
              {campaign?.documentNo && <span className="gg-docno">（{campaign.documentNo}）</span>}
            </p>
            <p className="gg-hero-desc">
              聚焦产业链质量共性技术难题和企业质量堵点、难点、痛点，以“小切口解决大问题”，推动质量技术创新和质量管理水平提升。
            </p>
            <div className="gg-hero-actions">
              <Link className="gg-link-btn gg-link-btn-light gg-link-btn-lg" to="/login">
                登录
              </Link>
              <Link className="gg-link-btn gg-link-btn-outline gg-link-btn-lg" to="/register">
                申报单位注册
              </Link>
            </div>
          </div>
          <Panel className="gg-hero-card" level={2} title={campaign ? `${campaign.year}年度关键时间节点` : '关键时间节点'}>
            {isPending && <p className="gg-muted">正在加载年度活动信息…</p>}
            {error && <Alert type="warning" showIcon title="暂时无法获取年度活动信息" description={errorMessage(error)} />}
            {campaign && <KeyDates campaign={campaign} />}
          </Panel>
        </div>
      </div>

      <div className="gg-container">
        {campaign && <CampaignSections campaign={campaign} />}
        {!isPending && !campaign && (
          <section className="gg-section">
            <Panel>
              <EmptyState text="当前暂无进行中的年度活动" />
            </Panel>
          </section>
        )}

        <section aria-labelledby="sec-disclosure" className="gg-section">
          <SectionTitle id="sec-disclosure" icon={<NotificationOutlined />}>
            信息公开
          </SectionTitle>
          <Row gutter={[20, 20]}>
            {DISCLOSURES.map((d) => (
              <Col xs={24} md={8} key={d.key}>
                <Panel
                  title={
                    <>
                      <span className="gg-card-icon" aria-hidden>
                        {d.icon}
                      </span>
                      {d.title}
                    </>
                  }
                  className="gg-fill"
                  data-testid={`disclosure-${d.key}`}
                >
                  {d.key === 'plan' ? <PlanPublications /> : d.key === 'publicity' ? <PublicityPanel /> : <ExcellentPanel />}
                </Panel>
              </Col>
            ))}
          </Row>
        </section>

        {campaign && (
          <section aria-labelledby="sec-contact" className="gg-section">
            <SectionTitle id="sec-contact" icon={<PhoneOutlined />}>
              联系方式
            </SectionTitle>
            <Panel>
              <Row gutter={[24, 12]}>
                <Col xs={24} md={8}>
                  <span className="gg-muted">联系处室</span>
                  <div className="gg-contact-value">{campaign.contact.division}</div>
                </Col>
                <Col xs={24} md={5}>
                  <span className="gg-muted">联系人</span>
                  <div className="gg-contact-value">{campaign.contact.people}</div>
                </Col>
                <Col xs={24} md={5}>
                  <span className="gg-muted">
                    <PhoneOutlined aria-hidden /> 联系电话
                  </span>
                  <div className="gg-contact-value">{campaign.contact.phone}</div>
                </Col>
                <Col xs={24} md={6}>
                  <span className="gg-muted">
                    <MailOutlined aria-hidden /> 电子邮箱
                  </span>
                  <div className="gg-contact-value">
                    <a href={`mailto:${campaign.contact.email}`}>{campaign.contact.email}</a>
                  </div>
                </Col>
              </Row>
            </Panel>
          </section>
        )}
      </div>
    </PublicShell>
  );
}
