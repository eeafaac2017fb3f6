/**
 * 审核一个申报: the 申报书 read-only, 申报条件, 查重, 附件, 材料完整性, 真实性核查, 审核记录, and the
 * actions 退回补正 / 推荐 / 不予推荐 / 撤销推荐 (each confirmed in a dialog, sending `version`).
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tabs, Timeline, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../domain/application-form';
import { RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../../shared/applications';
import { ApiError, errorMessage } from '../../api';
import { ApplicationFormView } from '../../components/review/ApplicationFormView';
import { AttachmentList } from '../../components/review/AttachmentList';
import { CheckList, type CheckItem, type CheckStatus } from '../../components/review/CheckList';
import { DuplicateMatches, pct } from '../../components/review/DuplicateMatches';
import { StateTag } from '../../components/review/StateTag';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { INBOX_KEY, REVIEW_KEY, useReview } from './queries';
import { ACTION_META, ActionModal, type Action } from './review/ActionModal';
import { AuthenticityCard } from './review/AuthenticityCard';
import '../../components/review/review.css';

interface EligibilityItem {
  id: string;
  label: string;
  status: 'pass' | 'fail' | 'pending' | 'warning';
  message: string;
}

const ELIG_STATUS: Record<EligibilityItem['status'], CheckStatus> = { pass: 'ok', fail: 'bad', pending: 'pending', warning: 'warn' };

function eligibilityItems(e: Record<string, unknown>): { items: CheckItem[]; checkedAt?: string } {
  const list = Array.isArray(e.items) ? (e.items as EligibilityItem[]) : [];
  return {
    items: list.map((i) => ({ key: i.id, label: i.label, status: ELIG_STATUS[i.status] ?? 'pending', detail: i.message })),
    checkedAt: typeof e.checkedAt === 'string' ? e.checkedAt : undefined,
  };
}

export default function ReviewPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const review = useReview(id);
  const campaign = usePublicCampaign();
  const [action, setAction] = useState<Action | null>(null);
  const [tab, setTab] = useState('form');
  usePageTitle(review.data ? `审核：${review.data.project.name}` : '申报审核');

  const vetoTexts = useMemo(() => Object.fromEntries((campaign.data?.vetoChecklist ?? []).map((v) => [v.id, v.text])), [campaign.data]);
  const data = review.data;
  const lastReturn = useMemo(() => [...(data?.reviews ?? [])].reverse().find((r) => r.decision === 'return'), [data]);
  const comments = useMemo(() => (lastReturn ? Object.fromEntries(lastReturn.fieldComments.map((c) => [c.path, c.comment])) : undefined), [lastReturn]);

  if (review.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (review.isError || !data) {
    const notFound = review.error instanceof ApiError && review.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={<h1 className="gg-result-title">{notFound ? '申报项目不存在' : '加载失败'}</h1>}
        subTitle={notFound ? '该申报不存在，或不属于本单位审核范围。' : errorMessage(review.error)}
        extra={
          <Link className="gg-link-btn gg-link-btn-primary" to="/recommender/reviews">
            返回申报列表
          </Link>
        }
      />
    );
  }

  const p = data.project;
  const elig = eligibilityItems(data.eligibility);
  const completenessItems: CheckItem[] = data.completeness.map((c) => ({ key: c.key, label: c.label, status: c.ok ? 'ok' : 'bad', detail: c.detail }));
  const missing = data.completeness.filter((c) => !c.ok).length;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: REVIEW_KEY(id) });
    void qc.invalidateQueries({ queryKey: INBOX_KEY });
  };

  return (
    <>
      <PageHeader
        title={p.name || '（未命名项目）'}
        subtitle={
          <Space wrap size={[12, 4]}>
            <StateTag state={p.state} label={p.stateLabel} />
            <span className="gg-mono">{p.applicationNo ?? '—'}</span>
            {p.projectNo && <span>立项编号：<span className="gg-mono">{p.projectNo}</span></span>}
            <span>{data.applicant.name}</span>
            <span>提交于 {formatBeijing(p.submittedAt)}（第 {p.submittedVersion} 版）</span>
            {p.recommendOrder && <span>推荐排序：第 {p.recommendOrder} 位</span>}
          </Space>
        }
        extra={
          <Space>
            <Link className="gg-link-btn" to="/recommender/reviews">
              <ArrowLeftOutlined aria-hidden /> 返回列表
            </Link>
            <Button icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新">
              刷新
            </Button>
          </Space>
        }
      />
      {p.lastReason && (p.state === 'returned' || p.state === 'not_recommended') && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${p.state === 'returned' ? '退回原因' : '不予推荐原因'}：${p.lastReason}`} />
      )}
      {p.recommendationOpinion && <Alert type="success" showIcon style={{ marginBottom: 16 }} title="推荐意见" description={<span className="gg-rv-text">{p.recommendationOpinion}</span>} />}

      <div className="gg-rv-layout">
        <Card>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'form',
                label: '申报书',
                children: (
                  <ApplicationFormView form={data.form} vetoTexts={vetoTexts} comments={p.state === 'returned' ? comments : undefined} attachments={<AttachmentList items={data.attachments} />} />
                ),
              },
              {
                key: 'eligibility',
                label: '申报条件',
                children: (
                  <>
                    <CheckList items={elig.items} label="申报条件核查" testId="eligibility" />
                    {elig.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无申报条件核查结果" />}
                    {elig.checkedAt && <p className="gg-muted gg-small">核查时间：{formatBeijing(elig.checkedAt)}（申报单位提交时）</p>}
                    <Descriptions
                      bordered
                      size="small"
                      column={1}
                      style={{ marginTop: 16 }}
                      items={[
                        { key: 'uscc', label: '统一社会信用代码', children: <span className="gg-mono">{data.applicant.uscc ?? '—'}</span> },
                        { key: 'district', label: '所属区', children: data.applicant.district ?? '—' },
                        { key: 'contact', label: '联系人', children: [data.applicant.contactName, data.applicant.contactPhone].filter(Boolean).join(' · ') || '—' },
                        {
                          key: 'recognition',
                          label: '行业认可',
                          children: data.applicant.recognitionRequired
                            ? (RECOGNITION_STATUS_LABELS[data.applicant.recognitionStatus as RecognitionStatus] ?? data.applicant.recognitionStatus)
                            : '无需认可（天津市注册单位）',
                        },
                        { key: 'direction', label: '申报方向', children: DIRECTION_LABELS[(data.form as { project?: { direction?: Direction } }).project?.direction as Direction] ?? '—' },
                      ]}
                    />
                  </>
                ),
              },
              {
                key: 'duplicate',
                label: (
                  <span>
                    查重结果
                    {data.duplicate.flag && <Badge status="warning" text="" style={{ marginLeft: 6 }} />}
                    <span className="gg-muted gg-small" style={{ marginLeft: 4 }}>
                      {pct(data.duplicate.score)}
                    </span>
                  </span>
                ),
                children: (
                  <DuplicateMatches
                    matches={data.duplicate.matches}
                    score={data.duplicate.score}
                    flag={data.duplicate.flag}
                    explanation={data.duplicate.explanation}
                    form={data.form}
                    flagThreshold={campaign.data?.duplicate.flagThreshold}
                  />
                ),
              },
              {
                key: 'history',
                label: `审核记录（${data.reviews.length}）`,
                children: (
                  <>
                    {data.reviews.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审核记录" />
                    ) : (
                      <Timeline
                        items={data.reviews.map((r) => ({
                          key: r.id,
                          color: r.decision === 'recommend' ? 'green' : r.decision === 'return' ? 'orange' : r.decision === 'decline' ? 'red' : 'blue',
                          content: (
                            <div data-testid="review-entry">
                              <strong>{r.decisionLabel}</strong>
                              <span className="gg-muted gg-small" style={{ marginLeft: 8 }}>
                                {formatBeijing(r.createdAt)} · {r.reviewerName ?? '—'}（{r.reviewerOrgName ?? '—'}）{r.versionNo ? ` · 第 ${r.versionNo} 版` : ''}
                              </span>
                              {r.reason && <div className="gg-rv-text">{r.reason}</div>}
                              {r.fieldComments.length > 0 && (
                                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                                  {r.fieldComments.map((c) => (
                                    <li key={c.path}>
                                      <strong>{c.label}</strong>：{c.comment}
                                    </li>
                                  ))}
                                </ul>
                              )}
                            </div>
                          ),
                        }))}
                      />
                    )}
                    {data.versions.length > 0 && (
                      <p className="gg-muted gg-small">
                        提交版本：{data.versions.map((v) => `第 ${v.versionNo} 版（${formatBeijing(v.submittedAt)}）`).join('；')}
                      </p>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Card>

        <aside className="gg-rv-aside" aria-label="审核操作">
          <Card title="审核操作" size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {data.actions.map((a) => {
                const meta = ACTION_META[a.action];
                const btn = (
                  <Button
                    key={a.action}
                    block
                    type={a.action === 'recommend' ? 'primary' : 'default'}
                    danger={meta.danger}
                    icon={meta.icon}
                    disabled={!a.allowed}
                    onClick={() => setAction(a.action)}
                  >
                    {a.label}
                  </Button>
                );
                if (!a.allowed && a.reasons.length && (p.state === 'submitted' || a.action === 'unrecommend' && p.state === 'recommended')) {
                  return (
                    <Tooltip key={a.action} title={a.reasons.join('；')} placement="left">
                      <span style={{ display: 'block' }}>{btn}</span>
                    </Tooltip>
                  );
                }
                return btn;
              })}
            </Space>
            {(() => {
              const rec = data.actions.find((a) => a.action === 'recommend');
              return p.state === 'submitted' && rec && rec.reasons.length > 0 ? (
                <Alert
                  type={rec.allowed ? 'info' : 'warning'}
                  showIcon
                  style={{ marginTop: 12 }}
                  title={rec.allowed ? '推荐时需确认' : '暂不能推荐'}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {rec.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  }
                />
              ) : null;
            })()}
          </Card>
          <Card
            title={
              <span>
                材料完整性 {missing === 0 ? <span className="gg-rv-ok gg-small">（全部齐全）</span> : <span className="gg-rv-bad gg-small">（{missing} 项缺失）</span>}
              </span>
            }
            size="small"
          >
            <CheckList items={completenessItems} label="材料完整性" testId="completeness" />
          </Card>
          <AuthenticityCard key={data.authenticity?.recordedAt ?? 'none'} review={data} onSaved={refresh} />
        </aside>
      </div>

      <ActionModal
        key={action ?? 'none'}
        action={action}
        review={data}
        onClose={() => setAction(null)}
        onDone={(stale) => {
          refresh();
          if (!stale) setAction(null);
        }}
      />
    </>
  );
}
