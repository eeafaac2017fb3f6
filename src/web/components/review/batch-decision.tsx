/**
 * The commission's decision on a batch a recommender sent (推荐批次 接收, 成果批次 签收) — receive it, or
 * return it whole with a reason — shared by the batch detail pages: the two mutations, the refusal
 * shown above the page or beside the reason (ConfirmDialog), the stale-version reload, and the
 * "not found / failed to load" result of the detail query.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, errorMessage } from '../../api';
import { applyFieldErrors, isStale, STALE_MESSAGE } from './errors';

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
