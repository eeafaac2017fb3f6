/**
 * The 申报书 editor: ten steps, autosave (2 s after typing stops and on every step change) with
 * optimistic concurrency, a local copy in localStorage, a merge dialog on 409 stale_version, the
 * server's checklist and the submit (Idempotency-Key, confirmation).
 */
import { ExclamationCircleOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Form, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { NameViolation } from '../../../../domain/project-name';
import { applicationFormSchema, type ApplicationForm } from '../../../../domain/application-form';
import { formatIssues } from '../../../../domain/application-format';
import { schemaIssues } from '../../../../shared/form-rules';
import type { ApplicationCheck, ApplicationDetail } from '../../../../shared/applications';
import { ApiError, errorMessage, newIdempotencyKey } from '../../../api';
import { DraftRestorePrompt } from '../../../components/DraftRestorePrompt';
import { FormKitProvider, type FormKit } from '../../../components/application/FieldKit';
import { EDITOR_STEPS, focusField, setAt, stepOfPath } from '../../../components/application/form-paths';
import { useDraftPersistence } from '../../../hooks/useDraftPersistence';
import type { PublicCampaign } from '../../../types';
import { applicationsApi } from '../queries';
import { AttachmentsStep } from './AttachmentsStep';
import { CheckStep } from './CheckStep';
import { issuesFrom, SaveIndicator, STEP_DESCRIPTIONS, type SaveState } from './editor-status';
import { MergeDialog, type Conflict } from './MergeDialog';
import { BenefitsStep, InfrastructureStep } from './BenefitsStep';
import { CommitmentStep } from './CommitmentStep';
import { ContentStep } from './ContentStep';
import { ProjectStep } from './ProjectStep';
import { ConsortiumStep, TeamStep } from './TeamStep';
import { UnitStep } from './UnitStep';
import type { RecommenderOption } from '../../../../shared/applications';

const AUTOSAVE_MS = 2000;

interface Snapshot {
  form: ApplicationForm;
  recommenderOrgId: string | null;
}

export function ApplicationEditor({
  detail,
  campaign,
  recommenders,
  onStateChanged,
  onNameChange,
}: {
  detail: ApplicationDetail;
  campaign: PublicCampaign | undefined;
  recommenders: RecommenderOption[];
  /** A transition happened (submit) or the server copy is no longer editable: reload the page data. */
  onStateChanged(): void;
  /** The project name as typed (for the page title). */
  onNameChange?(name: string): void;
}) {
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get('step') ?? '1') - 1 || 0, 0), EDITOR_STEPS.length - 1);

  const [form, setForm] = useState<ApplicationForm>(detail.form);
  const [recommenderOrgId, setRecommenderOrgId] = useState<string | null>(detail.recommender?.id ?? null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [serverNaming, setServerNaming] = useState<NameViolation[] | null>(detail.naming);
  const [check, setCheck] = useState<ApplicationCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  const version = useRef(detail.version);
  const saved = useRef<string>(JSON.stringify({ form: detail.form, recommenderOrgId: detail.recommender?.id ?? null } satisfies Snapshot));
  const current = useRef<Snapshot>({ form, recommenderOrgId });
  current.current = { form, recommenderOrgId };
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  const submitKey = useRef<{ key: string; version: number } | null>(null);

  const draft = useDraftPersistence<Snapshot>(`application:${detail.id}`, { form, recommenderOrgId });
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const stateChangedRef = useRef(onStateChanged);
  stateChangedRef.current = onStateChanged;
  const dirty = JSON.stringify({ form, recommenderOrgId }) !== saved.current;

  /** Save the current content if it differs from the server copy. Resolves false on failure. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    while (inFlight.current) await inFlight.current;
    const snap = current.current;
    const json = JSON.stringify(snap);
    if (json === saved.current) return true;
    const refusedHere = schemaIssues(applicationFormSchema, snap.form);
    if (refusedHere.length > 0) {
      // Never send what the server would refuse; the typed values stay here and in the local copy.
      setSave({ kind: 'invalid', count: refusedHere.length });
      return false;
    }
    const run = (async () => {
      setSave({ kind: 'saving' });
      try {
        const res = await applicationsApi.saveDraft(detail.id, {
          version: version.current,
          form: snap.form,
          ...(detail.state === 'draft' ? { recommenderOrgId: snap.recommenderOrgId } : {}),
        });
        version.current = res.version;
        saved.current = json;
        setServerNaming(res.naming);
        setRefused({});
        setSave({ kind: 'saved', at: res.updatedAt });
        if (JSON.stringify(current.current) === json) draftRef.current.clear();
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') {
          blocked.current = true;
          setSave({ kind: 'conflict' });
          try {
            const theirs = await applicationsApi.detail(detail.id);
            setConflict({ mine: current.current, theirs: { form: theirs.form, recommenderOrgId: theirs.recommender?.id ?? null }, version: theirs.version, state: theirs.state, stateLabel: theirs.stateLabel, updatedAt: theirs.updatedAt, editable: theirs.actions.some((a) => a.action === 'edit' && a.allowed) });
          } catch (e2) {
            setSave({ kind: 'error', message: errorMessage(e2) });
          }
          return false;
        }
        if (err instanceof ApiError && err.status === 409) {
          // No longer editable (submitted in another window, …): the local copy stays in this browser.
          blocked.current = true;
          setSave({ kind: 'error', message: err.message });
          modal.warning({ title: '无法保存', content: `${err.message}。您在本页填写的内容已保存在本机浏览器中。`, okText: '刷新页面', onOk: () => stateChangedRef.current() });
          return false;
        }
        if (err instanceof ApiError && Object.keys(err.fields).length) setRefused(err.fields);
        setSave({ kind: 'error', message: errorMessage(err) });
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [detail.id, detail.state, modal]);

  const liveName = form.project?.name ?? '';
  useEffect(() => {
    onNameChange?.(liveName);
  }, [liveName, onNameChange]);

  // Debounced autosave.
  useEffect(() => {
    if (!dirty || blocked.current) return;
    setSave((s) => (s.kind === 'saving' || s.kind === 'dirty' ? s : { kind: 'dirty' }));
    const t = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => window.clearTimeout(t);
  }, [form, recommenderOrgId, dirty, flush]);

  // Last chance: warn before leaving with unsaved content (the local copy survives anyway).
  useEffect(() => {
    const h = (e: BeforeUnloadEvent) => {
      if (JSON.stringify(current.current) !== saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, []);

  const goStep = useCallback(
    (n: number) => {
      void flush();
      const next = new URLSearchParams(params);
      if (n === 0) next.delete('step');
      else next.set('step', String(n + 1));
      setParams(next, { replace: true });
      window.scrollTo({ top: 0 });
    },
    [flush, params, setParams],
  );

  const goTo = useCallback(
    (path: string) => {
      goStep(stepOfPath(path));
      setPendingFocus(path);
    },
    [goStep],
  );

  useEffect(() => {
    if (!pendingFocus) return;
    const t = window.setTimeout(() => {
      focusField(pendingFocus);
      setPendingFocus(null);
    }, 60);
    return () => window.clearTimeout(t);
  }, [pendingFocus, step]);

  const runCheck = useCallback(async () => {
    setChecking(true);
    setCheckError(null);
    try {
      const ok = await flush();
      if (!ok && JSON.stringify(current.current) !== saved.current) {
        setCheckError('申报书尚未保存成功，检查结果可能不是最新内容，请先处理保存问题');
      }
      setCheck(await applicationsApi.check(detail.id));
    } catch (err) {
      setCheckError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  }, [detail.id, flush]);

  // Entering the last step runs the check.
  const lastStep = step === EDITOR_STEPS.length - 1;
  useEffect(() => {
    if (lastStep) void runCheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastStep]);

  const submitAction = detail.actions.find((a) => a.action === 'submit');

  const doSubmit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await flush())) throw new Error('申报书尚未保存成功，请稍后重试');
      // One key per logical submit of one version: a retry after a network failure reuses it.
      if (!submitKey.current || submitKey.current.version !== version.current) submitKey.current = { key: newIdempotencyKey(), version: version.current };
      const res = await applicationsApi.submit(detail.id, version.current, submitKey.current.key);
      draft.clear();
      saved.current = JSON.stringify(current.current);
      message.success(`已提交推荐单位审核，申报编号 ${res.applicationNo}`);
      onStateChanged();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setRefused(err.fields);
        void runCheck();
      }
      setSubmitError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const confirmSubmit = () =>
    modal.confirm({
      title: '确认提交申报书',
      icon: <ExclamationCircleOutlined />,
      content: (
        <div>
          <p>
            申报书将提交至 <strong>{recommenders.find((r) => r.id === recommenderOrgId)?.name ?? detail.recommender?.name ?? '推荐单位'}</strong> 审核。
          </p>
          <p>提交后不能修改；推荐单位开始审核前可以撤回。请确认申报内容真实、准确、完整。</p>
        </div>
      ),
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: doSubmit,
    });

  const setAtPath = useCallback((path: string, value: unknown) => setForm((f) => setAt(f, path, value)), []);
  const local = useMemo(() => [...schemaIssues(applicationFormSchema, form), ...formatIssues(form)], [form]);
  const issues = useMemo(() => issuesFrom(check, refused, local), [check, refused, local]);
  const comments = useMemo(() => Object.fromEntries(detail.reviewComments.map((c) => [c.path, c.comment])), [detail.reviewComments]);
  const kit: FormKit = useMemo(() => ({ form, set: setAtPath, issues, comments, readOnly: false }), [form, setAtPath, issues, comments]);

  const stepErrors = useMemo(() => {
    const counts = new Array<number>(EDITOR_STEPS.length).fill(0);
    for (const [p, list] of Object.entries(issues)) if (list.some((i) => i.severity === 'error')) counts[stepOfPath(p)] += 1;
    return counts;
  }, [issues, detail.reviewComments]);
  const commentSteps = useMemo(() => new Set(detail.reviewComments.map((c) => stepOfPath(c.path))), [detail.reviewComments]);

  const key = EDITOR_STEPS[step].key;

  return (
    <FormKitProvider value={kit}>
      {draft.pending && (
        <DraftRestorePrompt
          savedAt={draft.pending.savedAt}
          onRestore={() => {
            const v = draft.restore();
            if (v) {
              setForm(v.form);
              setRecommenderOrgId(v.recommenderOrgId);
            }
          }}
          onDiscard={draft.discard}
        />
      )}
      <div className="gg-app-toolbar">
        <SaveIndicator state={save} dirty={dirty} onRetry={() => void flush()} />
      </div>
      <div className="gg-app-layout">
        <nav className="gg-app-steps" aria-label="申报书填写步骤">
          <Steps
            orientation="vertical"
            size="small"
            current={step}
            onChange={goStep}
            items={EDITOR_STEPS.map((s, i) => ({
              title: (
                <span>
                  {s.title}
                  {stepErrors[i] > 0 && <span className="gg-sr-only">（{stepErrors[i]}项问题）</span>}
                </span>
              ),
              status: i === step ? 'process' : stepErrors[i] > 0 ? 'error' : 'wait',
              content: stepErrors[i] > 0 ? <span className="gg-app-err gg-small">{stepErrors[i]} 项问题</span> : commentSteps.has(i) ? <span className="gg-app-warn gg-small">有推荐单位意见</span> : undefined,
            }))}
          />
        </nav>
        <section className="gg-app-panel" aria-labelledby="step-title">
          <h2 id="step-title">
            第{step + 1}步：{EDITOR_STEPS[step].title}
            {key === 'content' ? '（目标、技术路线、PDCA、里程碑）' : key === 'consortium' ? '（共性技术方向需要）' : ''}
          </h2>
          <div className="gg-app-step-desc">{STEP_DESCRIPTIONS[key]}</div>
          <Form layout="vertical" component="div" requiredMark>
            {key === 'unit' && <UnitStep />}
            {key === 'project' && (
              <ProjectStep
                campaign={campaign}
                recommenders={recommenders}
                recommenderOrgId={recommenderOrgId}
                onRecommender={setRecommenderOrgId}
                recommenderLocked={detail.state !== 'draft'}
                serverNaming={serverNaming}
              />
            )}
            {key === 'content' && <ContentStep />}
            {key === 'team' && <TeamStep />}
            {key === 'consortium' && <ConsortiumStep />}
            {key === 'benefits' && <BenefitsStep />}
            {key === 'infrastructure' && <InfrastructureStep />}
            {key === 'attachments' && <AttachmentsStep campaign={campaign} />}
            {key === 'commitment' && <CommitmentStep campaign={campaign} />}
            {key === 'check' && (
              <CheckStep
                check={check}
                running={checking}
                error={checkError}
                onRun={() => void runCheck()}
                onSubmit={confirmSubmit}
                goTo={goTo}
                submitAllowed={!!submitAction?.allowed}
                submitReason={submitAction?.reason}
                submitting={submitting}
                submitError={submitError}
              />
            )}
          </Form>
          <div className="gg-app-footer-nav">
            <Button icon={<LeftOutlined />} disabled={step === 0} onClick={() => goStep(step - 1)}>
              上一步
            </Button>
            {step < EDITOR_STEPS.length - 1 && (
              <Button type="primary" onClick={() => goStep(step + 1)}>
                下一步：{EDITOR_STEPS[step + 1].title} <RightOutlined aria-hidden />
              </Button>
            )}
          </div>
        </section>
      </div>
      {conflict && (
        <MergeDialog
          conflict={conflict}
          onKeepMine={async () => {
            // Re-save my content on top of the server's version.
            version.current = conflict.version;
            saved.current = JSON.stringify(conflict.theirs);
            blocked.current = false;
            setConflict(null);
            if (!conflict.editable) {
              onStateChanged();
              return;
            }
            const ok = await flush();
            if (ok) message.success('已用本页内容覆盖服务器上的版本');
          }}
          onTakeTheirs={() => {
            // Keep mine in localStorage as a backup (the merge dialog showed every difference).
            try {
              window.localStorage.setItem(`gg_conflict_backup:${detail.id}`, JSON.stringify({ savedAt: Date.now(), value: conflict.mine }));
            } catch {
              // ignore
            }
            version.current = conflict.version;
            saved.current = JSON.stringify(conflict.theirs);
            current.current = conflict.theirs;
            setForm(conflict.theirs.form);
            setRecommenderOrgId(conflict.theirs.recommenderOrgId);
            blocked.current = false;
            setConflict(null);
            setSave({ kind: 'saved', at: conflict.updatedAt });
            if (!conflict.editable) onStateChanged();
            else message.info('已载入服务器上的最新内容；本页原有内容已备份在本机浏览器中');
          }}
        />
      )}
    </FormKitProvider>
  );
}
