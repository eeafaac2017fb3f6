/**
 * Editing one year's campaign: optimistic version, a local draft of unsaved edits, copy to the
 * next year; the form's sections are in CampaignFormSections.
 */
import { CopyOutlined, ExclamationCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, errorMessage, idempotencyHeaders } from '../../../api';
import { DraftRestorePrompt } from '../../../components/DraftRestorePrompt';
import { useDraftPersistence } from '../../../hooks/useDraftPersistence';
import { WINDOW_KEYS } from '../../../labels';
import type { CampaignConfig, CampaignDto } from '../../../types';
import { formNameFor, fromWire, toForm, toWire, type CampaignForm, type CampaignFormWire } from './campaign-form';
import { CampaignFormSections } from './CampaignFormSections';

export function CampaignEditor({ campaign, onSaved, onReload }: { campaign: CampaignDto; onSaved(c: CampaignDto): void; onReload(): Promise<void> }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CampaignForm>();
  const initial = useMemo(() => toForm(campaign), [campaign]);
  const watched = Form.useWatch([], { form, preserve: true }) as CampaignForm | undefined;
  /** The version the form was last filled from (drafts compare with that state only). */
  const [readyVersion, setReadyVersion] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; fields: string[] } | null>(null);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial);
    setReadyVersion(campaign.version);
    setError(null);
  }, [form, initial, campaign.version]);

  const ready = readyVersion === campaign.version;
  const wire = useMemo(() => (ready && watched && watched.windows && watched.config ? toWire(watched) : undefined), [ready, watched]);
  const pristine = useMemo(() => toWire(initial), [initial]);
  const draft = useDraftPersistence<CampaignFormWire>(`campaign:${campaign.id}`, wire, { baselineId: campaign.version, initial: pristine });
  const dirty = !!wire && JSON.stringify(wire) !== JSON.stringify(pristine);

  const save = useMutation({
    mutationFn: (f: CampaignForm) => {
      const w = toWire(f);
      const windows = Object.fromEntries(
        WINDOW_KEYS.map((k) => [k, { opensAt: w.windows[k].opensAt, closesAt: w.windows[k].closesAt, ...(w.windows[k].applicantClosesAt ? { applicantClosesAt: w.windows[k].applicantClosesAt } : {}) }]),
      ) as CampaignConfig['windows'];
      return api.put<CampaignDto>(`/api/campaigns/${campaign.id}`, {
        version: campaign.version,
        title: f.title.trim(),
        documentNo: f.documentNo.trim() || null,
        status: f.status,
        config: { ...campaign.config, ...f.config, windows },
      });
    },
    onSuccess: (c) => {
      draft.clear();
      message.success('年度活动配置已保存');
      onSaved(c);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'stale_version') {
        setStale(true);
        return;
      }
      const fields = err instanceof ApiError ? err.fields : {};
      if (Object.keys(fields).length) form.setFields(Object.entries(fields).map(([path, msg]) => ({ name: formNameFor(path) as never, errors: [msg] })));
      setError({ message: errorMessage(err), fields: Object.values(fields) });
    },
  });

  const reloadLatest = async () => {
    setStale(false);
    // The person's edits stay in the draft store and are offered back over the latest version.
    await onReload();
    message.info('已加载最新配置');
  };

  const confirmCopy = () => {
    let year = campaign.year + 1;
    modal.confirm({
      title: `复制为 ${campaign.year + 1} 年度活动？`,
      icon: <ExclamationCircleOutlined />,
      content: (
        <div>
          <p>将以本年度的方向、产业链、规则和阈值为基础创建新年度活动（草稿状态），所有日期顺延一年，节假日日历需重新录入。</p>
          <label className="gg-inline-field">
            <span>新年度：</span>
            <InputNumber aria-label="新年度" min={2020} max={2100} defaultValue={year} onChange={(v) => (year = Number(v ?? year))} />
          </label>
        </div>
      ),
      okText: '确认复制',
      cancelText: '取消',
      onOk: async () => {
        try {
          const created = await api.post<CampaignDto>(`/api/campaigns/${campaign.id}/copy`, { year }, { headers: idempotencyHeaders() });
          message.success(`已创建 ${created.year} 年度活动（草稿）`);
          onSaved(created);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <>
      {draft.pending && (
        <DraftRestorePrompt
          savedAt={draft.pending.savedAt}
          onRestore={() => {
            const v = draft.restore();
            if (v) form.setFieldsValue(fromWire(v));
          }}
          onDiscard={draft.discard}
        />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="已被他人修改"
          description="本年度活动配置已被他人修改并保存，您的修改未能保存。请加载最新配置后重新修改（您的修改内容已在本机保留，可在加载后恢复）。"
          action={
            <Button size="small" type="primary" onClick={() => void reloadLatest()}>
              加载最新配置
            </Button>
          }
          data-testid="stale-version"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ closeIcon: true, onClose: () => setError(null), 'aria-label': '关闭错误提示' }}
          style={{ marginBottom: 16 }}
          title={error.message}
          description={error.fields.length > 1 ? <ul className="gg-error-list">{error.fields.map((f) => <li key={f}>{f}</li>)}</ul> : undefined}
        />
      )}
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        name="campaign-config"
        onFinish={() => {
          setError(null);
          // The whole store, not only the registered fields (ids and codes have no inputs).
          save.mutate(form.getFieldsValue(true) as CampaignForm);
        }}
        onFinishFailed={() => message.error('请检查标红的字段')}
        scrollToFirstError
      >
        <div className="gg-sticky-actions">
          <Space wrap>
            <span className="gg-muted">
              版本 {campaign.version}
              {dirty && <Tag color="orange" style={{ marginLeft: 8 }}>有未保存的修改</Tag>}
            </span>
          </Space>
          <Space wrap>
            <Button icon={<CopyOutlined />} onClick={confirmCopy}>
              复制为下一年度
            </Button>
            <Button
              disabled={!dirty}
              onClick={() => {
                form.setFieldsValue(initial);
                draft.discard();
              }}
            >
              撤销修改
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
              保存配置
            </Button>
          </Space>
        </div>

        <CampaignFormSections campaign={campaign} onSaved={onSaved} />
      </Form>
    </>
  );
}

