/**
 * The commission's decision on a batch a recommender sent (推荐批次 接收, 成果批次 签收) — receive it, or
 * return it whole with a reason — shared by the batch detail pages: the two mutations, the refusal
 * shown above the page or beside the reason (ConfirmDialog), the stale-version reload, and the
 * "not found / failed to load" result of the detail query.
 */
import { ArrowLeftOutlined, CheckOutlined, ExclamationCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Result, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, ApiError, errorMessage } from '../../api';
import { PageHeader } from '../../layout/RoleLayout';
import { MIN_REASON_LENGTH } from '../../../shared/recommendations';
import { ConfirmDialog } from '../list';
import { formatBeijing } from '../../time';
import { applyFieldErrors, isStale, STALE_MESSAGE } from './errors';
import { StateTag } from './StateTag';

export interface BatchDecisionSpec {
  /** The detail query's key (reloaded after a decision or a stale version). */
  detailKey: QueryKey;
  /** Other queries to reload after a decision (the lists). */
  invalidate: QueryKey[];
  /** `/api/commission/batches/:id` — `/receive` and `/return` are posted under it. */
  url: string;
  receivedText: string;
  returnedText: string;
}

export function useBatchDecision(spec: BatchDecisionSpec) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  const done = (text: string) => {
    message.success(text);
    setError(null);
    for (const key of [spec.detailKey, ...spec.invalidate]) void qc.invalidateQueries({ queryKey: key });
  };
  const failed = (err: unknown) => {
    if (isStale(err)) {
      setError(STALE_MESSAGE);
      void qc.invalidateQueries({ queryKey: spec.detailKey });
    } else setError(errorMessage(err));
  };
  const receive = useMutation({
    mutationFn: (version: number) => api.post(`${spec.url}/receive`, { version }),
    onSuccess: () => done(spec.receivedText),
    onError: failed,
  });
  const giveBack = useMutation({
    mutationFn: (v: { version: number; reason: string }) => api.post(`${spec.url}/return`, v),
    onSuccess: () => {
      setReturning(false);
      done(spec.returnedText);
    },
    onError: (err) => {
      if (isStale(err) || !(err instanceof ApiError)) return failed(err);
      setReasonError(err.fields.reason ?? null);
      const rest = applyFieldErrors(null, err).filter((m) => !err.fields.reason || !m.endsWith(err.fields.reason));
      if (rest.length || !Object.keys(err.fields).length) setError(rest.length ? rest.join('；') : err.message);
    },
  });
  const openReturn = () => {
    setReasonError(null);
    setError(null);
    setReturning(true);
  };
  return { receive, giveBack, returning, setReturning, openReturn, error, reasonError };
}

/** The detail query failed: 404 (not found or not visible) or another failure, with the way back to the list. */
export function BatchLoadFailed({ error, what, notFoundText, back, backLabel }: { error: unknown; what: string; notFoundText: string; back: string; backLabel: string }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'warning'}
      title={<h1 className="gg-result-title">{notFound ? `${what}不存在` : '加载失败'}</h1>}
      subTitle={notFound ? notFoundText : errorMessage(error)}
      extra={
        <Link className="gg-link-btn gg-link-btn-primary" to={back}>
          {backLabel}
        </Link>
      }
    />
  );
}

type Decision = ReturnType<typeof useBatchDecision>;

/**
 * The page header of a batch the commission decides on: state, year, sent time and count; back to
 * the list, the page's own links, 整批退回 (until returned) and the receive button (while sent, with
 * its confirmation); below it the refusal and the return reason.
 */
export function BatchDecisionHeader({
  title,
  batch: b,
  countText,
  back,
  links,
  receiveLabel,
  confirm,
  decision,
}: {
  title: string;
  batch: { state: string; stateLabel: string; version: number; campaignYear: number; sentAt: string | null; projectCount: number; returnReason: string | null };
  /** e.g. 个项目, 项成果 */
  countText: string;
  back: string;
  links?: ReactNode;
  receiveLabel: string;
  confirm: { title: string; content: string };
  decision: Decision;
}) {
  const { modal } = App.useApp();
  const confirmReceive = () =>
    modal.confirm({
      title: confirm.title,
      icon: <ExclamationCircleOutlined />,
      content: confirm.content,
      okText: `确认${receiveLabel}`,
      cancelText: '取消',
      onOk: () => decision.receive.mutateAsync(b.version).catch(() => undefined),
    });
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <Space wrap>
            <StateTag state={b.state} label={b.stateLabel} />
            <span>{b.campaignYear}年</span>
            <span>报送于 {formatBeijing(b.sentAt)}</span>
            <span>
              {b.projectCount} {countText}
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            <Link className="gg-link-btn" to={back}>
              <ArrowLeftOutlined aria-hidden /> 返回列表
            </Link>
            {links}
            {b.state !== 'returned' && (
              <Button danger icon={<RollbackOutlined />} onClick={decision.openReturn}>
                整批退回
              </Button>
            )}
            {b.state === 'sent' && (
              <Button type="primary" icon={<CheckOutlined />} loading={decision.receive.isPending} onClick={confirmReceive}>
                {receiveLabel}
              </Button>
            )}
          </Space>
        }
      />
      {decision.error && !decision.returning && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={decision.error} />}
      {b.state === 'returned' && b.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`退回原因：${b.returnReason}`} />}
    </>
  );
}

/** 整批退回: the reason (≥ MIN_REASON_LENGTH 字) with the server's refusal beside it or below. */
export function BatchReturnDialog({ decision, recommenderName, version, notice, placeholder }: { decision: Decision; recommenderName: string; version: number; notice: string; placeholder: string }) {
  return (
    <ConfirmDialog
      open={decision.returning}
      title={`整批退回：${recommenderName}`}
      okText="确认退回"
      danger
      loading={decision.giveBack.isPending}
      fieldError={decision.reasonError}
      errors={decision.error ? [decision.error] : []}
      onCancel={() => decision.setReturning(false)}
      onConfirm={(reason) => decision.giveBack.mutate({ version, reason })}
      notice={{ title: notice }}
      reason={{ label: '退回原因', min: MIN_REASON_LENGTH, placeholder }}
    />
  );
}
