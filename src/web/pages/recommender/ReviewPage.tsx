/**
 * 审核一个申报: the 申报书 read-only, 申报条件, 查重, 附件, 材料完整性, 真实性核查, 审核记录, and the
 * actions 退回补正 / 推荐 / 不予推荐 / 撤销推荐 (each confirmed in a dialog, sending `version`).
 */
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, ReloadOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Modal, Result, Skeleton, Space, Switch, Tabs, Timeline, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DIRECTION_LABELS, type Direction } from '../../../shared/application-form';
import { RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../../shared/applications';
import { MIN_OPINION_LENGTH, MIN_REASON_LENGTH, type ApplicationReview, type AuthenticityInput } from '../../../shared/recommendations';
import { api, ApiError, errorMessage } from '../../api';
import { ApplicationFormView } from '../../components/review/ApplicationFormView';
import { AttachmentList } from '../../components/review/AttachmentList';
import { CheckList, type CheckItem, type CheckStatus } from '../../components/review/CheckList';
import { DuplicateMatches, pct } from '../../components/review/DuplicateMatches';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../components/review/errors';
import { FieldCommentsEditor, validateFieldComments, type FieldComment } from '../../components/review/FieldCommentsEditor';
import { StateTag } from '../../components/review/StateTag';
import { usePageTitle } from '../../hooks/usePageTitle';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import { PageHeader } from '../../layout/RoleLayout';
import { formatBeijing } from '../../time';
import { INBOX_KEY, REVIEW_KEY, useReview, type ActionResult } from './queries';
import '../../components/review/review.css';

type Action = 'return' | 'recommend' | 'decline' | 'unrecommend';

const ACTION_META: Record<Action, { title: string; ok: string; danger?: boolean; icon: React.ReactNode; confirm: string }> = {
  return: { title: '退回补正', ok: '确认退回', icon: <RollbackOutlined />, confirm: '确认后项目将退回申报单位补正，申报单位将收到退回原因和逐项意见。' },
  recommend: { title: '推荐', ok: '确认推荐', icon: <CheckOutlined />, confirm: '确认后项目进入本单位推荐名单（已推荐，待报送），并通知申报单位。' },
  decline: { title: '不予推荐', ok: '确认不予推荐', danger: true, icon: <CloseOutlined />, confirm: '不予推荐后，该项目在本年度不能再次推荐，原因对申报单位可见。' },
  unrecommend: { title: '撤销推荐', ok: '确认撤销推荐', danger: true, icon: <UndoOutlined />, confirm: '撤销后项目回到“待推荐单位审核”状态并移出推荐名单，推荐意见将被清除。' },
};

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

// ---- 真实性核查 ---------------------------------------------------------------------------------

interface AuthValues {
  confirmed: boolean;
  notes: string;
  visited: boolean;
  date?: Dayjs | null;
  people?: string;
  findings?: string;
}

function AuthenticityCard({ review, onSaved }: { review: ApplicationReview; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AuthValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const a = review.authenticity;
  const editable = review.project.state === 'submitted' || review.project.state === 'recommended';
  const initial: AuthValues = {
    confirmed: a?.confirmed ?? false,
    notes: a?.notes ?? '',
    visited: !!a?.siteVisit,
    date: a?.siteVisit ? dayjs(a.siteVisit.date) : null,
    people: a?.siteVisit?.people ?? '',
    findings: a?.siteVisit?.findings ?? '',
  };
  const visited = Form.useWatch('visited', form);
  const save = useMutation({
    mutationFn: (v: AuthValues) => {
      const body: AuthenticityInput = {
        confirmed: v.confirmed,
        notes: (v.notes ?? '').trim(),
        siteVisit: v.visited && v.date ? { date: v.date.format('YYYY-MM-DD'), people: (v.people ?? '').trim(), findings: (v.findings ?? '').trim() } : null,
      };
      return api.put(`/api/recommender/applications/${review.project.id}/authenticity`, body);
    },
    onSuccess: () => {
      setErrors([]);
      message.success('真实性核查记录已保存');
      onSaved();
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, ['confirmed', 'notes']);
      setErrors(rest.length ? rest : [errorMessage(err)]);
    },
  });
  return (
    <Card title="真实性核查" size="small" data-testid="authenticity-card">
      {a && (
        <p className="gg-muted gg-small" style={{ marginTop: 0 }}>
          最近记录：{a.recordedBy ?? '—'} · {formatBeijing(a.recordedAt)} · {a.confirmed ? '已确认真实' : '未确认'}
        </p>
      )}
      <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="confirmed" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>经核查，申报材料内容真实、有效</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="核查说明" style={{ marginBottom: 8 }}>
          <Input.TextArea rows={3} maxLength={3000} placeholder="如：已核对营业执照原件及承诺书盖章件，与申报书一致" />
        </Form.Item>
        <Form.Item name="visited" valuePropName="checked" label="现场核查" style={{ marginBottom: 8 }}>
          <Switch checkedChildren="已开展" unCheckedChildren="未开展" aria-label="已开展现场核查" />
        </Form.Item>
        {visited && (
          <div className="gg-subform" style={{ marginBottom: 12 }}>
            <Form.Item name="date" label="核查日期" rules={[{ required: true, message: '请选择现场核查日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="people" label="核查人员" rules={[{ required: true, whitespace: true, message: '请填写核查人员' }]}>
              <Input maxLength={200} placeholder="如：刘晓梅、张伟" />
            </Form.Item>
            <Form.Item name="findings" label="核查情况" rules={[{ required: true, whitespace: true, message: '请填写现场核查情况' }]} style={{ marginBottom: 0 }}>
              <Input.TextArea rows={3} maxLength={3000} />
            </Form.Item>
          </div>
        )}
        {errors.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 8 }} title={errors.join('；')} />}
        {editable ? (
          <Button htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} block>
            保存核查记录
          </Button>
        ) : (
          <span className="gg-muted gg-small">当前状态不能修改核查记录</span>
        )}
      </Form>
    </Card>
  );
}

// ---- actions --------------------------------------------------------------------------------

interface ActionValues {
  reason?: string;
  opinion?: string;
  fieldComments?: FieldComment[];
  authConfirmed?: boolean;
  authNotes?: string;
  recognitionConfirmed?: boolean;
}

function ActionModal({ action, review, onClose, onDone }: { action: Action | null; review: ApplicationReview; onClose(): void; onDone(stale: boolean): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const id = review.project.id;
  const needAuth = action === 'recommend' && !review.authenticity?.confirmed;
  const needRecognition = action === 'recommend' && review.applicant.recognitionRequired && review.applicant.recognitionStatus !== 'confirmed';

  const run = useMutation({
    mutationFn: (v: ActionValues) => {
      const version = review.project.version;
      switch (action) {
        case 'return':
          return api.post<ActionResult>(`/api/recommender/applications/${id}/return`, {
            version,
            reason: (v.reason ?? '').trim(),
            fieldComments: Object.fromEntries((v.fieldComments ?? []).filter((c) => c.path).map((c) => [c.path, c.comment.trim()])),
          });
        case 'recommend':
          return api.post<ActionResult>(`/api/recommender/applications/${id}/recommend`, {
            version,
            opinion: (v.opinion ?? '').trim(),
            ...(needAuth ? { authenticity: { confirmed: !!v.authConfirmed, notes: (v.authNotes ?? '').trim(), siteVisit: null } } : {}),
            ...(needRecognition ? { recognitionConfirmed: !!v.recognitionConfirmed } : {}),
          });
        case 'decline':
          return api.post<ActionResult>(`/api/recommender/applications/${id}/decline`, { version, reason: (v.reason ?? '').trim() });
        default:
          return api.post<ActionResult>(`/api/recommender/applications/${id}/unrecommend`, { version, reason: (v.reason ?? '').trim() || undefined });
      }
    },
    onSuccess: (res) => {
      message.success(`已${ACTION_META[action!].title}，项目当前状态：${res.stateLabel}`);
      onDone(false);
    },
    onError: (err) => {
      if (isStale(err)) {
        setErrors([STALE_MESSAGE + '（已重新加载最新内容，请核对后再操作）']);
        message.warning(STALE_MESSAGE);
        onDone(true);
        return;
      }
      const rest = applyFieldErrors(form, err, ['reason', 'opinion']);
      if (err instanceof ApiError && err.fields.authenticity) form.setFields([{ name: 'authConfirmed', errors: [err.fields.authenticity] }]);
      if (err instanceof ApiError && err.fields.recognitionConfirmed) form.setFields([{ name: 'recognitionConfirmed', errors: [err.fields.recognitionConfirmed] }]);
      setErrors(rest.length ? rest : Object.keys(err instanceof ApiError ? err.fields : {}).length ? [] : [errorMessage(err)]);
    },
  });

  if (!action) return null;
  const meta = ACTION_META[action];
  const minLen = (label: string, min: number) => ({
    validator: (_: unknown, v: string | undefined) => (!v?.trim() || Array.from(v.trim()).length >= min ? Promise.resolve() : Promise.reject(new Error(`${label}至少${min}个字`))),
  });

  return (
    <Modal
      open
      title={`${meta.title}：${review.project.name}`}
      okText={meta.ok}
      cancelText="取消"
      okButtonProps={{ danger: meta.danger, loading: run.isPending }}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => run.mutate(v), () => undefined)}
      width={action === 'return' ? 820 : 640}
      destroyOnHidden
    >
      <Alert type={meta.danger ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} title={meta.confirm} />
      <Form form={form} layout="vertical" initialValues={{ fieldComments: [] }}>
        {(action === 'return' || action === 'decline') && (
          <Form.Item
            name="reason"
            label={action === 'return' ? '退回原因' : '不予推荐的原因'}
            rules={[{ required: true, whitespace: true, message: `请填写${action === 'return' ? '退回原因' : '不予推荐的原因'}` }, minLen(action === 'return' ? '退回原因' : '不予推荐的原因', MIN_REASON_LENGTH)]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={action === 'return' ? '总体说明需要补正的内容' : '写明不予推荐的具体原因（申报单位可见）'} />
          </Form.Item>
        )}
        {action === 'return' && (
          <Form.Item name="fieldComments" label="逐项意见（可选）" rules={[{ validator: validateFieldComments }]}>
            <FieldCommentsEditor />
          </Form.Item>
        )}
        {action === 'recommend' && (
          <>
            <Form.Item name="opinion" label="推荐意见" rules={[{ required: true, whitespace: true, message: '请填写推荐意见' }, minLen('推荐意见', MIN_OPINION_LENGTH)]} extra={`不少于${MIN_OPINION_LENGTH}字，将写入推荐汇总表`}>
              <Input.TextArea rows={5} maxLength={2000} showCount placeholder="如：经核查，该单位申报材料齐全、内容真实，攻关目标明确、量化指标可考核，技术路线可行，同意推荐。" />
            </Form.Item>
            {needAuth && (
              <div className="gg-subform" style={{ marginBottom: 16 }}>
                <Form.Item name="authConfirmed" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('推荐前须确认申报材料真实性'))) }]} style={{ marginBottom: 8 }}>
                  <Checkbox>本单位已核查，申报材料内容真实、有效（真实性核查）</Checkbox>
                </Form.Item>
                <Form.Item name="authNotes" label="核查说明" style={{ marginBottom: 0 }}>
                  <Input.TextArea rows={2} maxLength={3000} />
                </Form.Item>
              </div>
            )}
            {needRecognition && (
              <Form.Item
                name="recognitionConfirmed"
                valuePropName="checked"
                rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认该组织已获行业主管部门认可'))) }]}
              >
                <Checkbox>确认该行业质量管理专业组织已获行业主管部门认可</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {action === 'unrecommend' && (
          <Form.Item name="reason" label="撤销说明（可选）">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errors.length === 1 ? errors[0] : '操作未完成'}
          description={
            errors.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}

// ---- page -----------------------------------------------------------------------------------

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
