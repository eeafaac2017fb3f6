/** The confirmation dialog of one review action (退回补正 / 推荐 / 不予推荐 / 撤销推荐), sending the version read. */
import { CheckOutlined, CloseOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { MIN_OPINION_LENGTH, MIN_REASON_LENGTH, type ApplicationReview } from '../../../../shared/recommendations';
import { api, ApiError, errorMessage } from '../../../api';
import { ErrorList, reasonRules } from '../../../components/list';
import { applyFieldErrors, isStale, STALE_MESSAGE } from '../../../components/review/errors';
import { FieldCommentsEditor, validateFieldComments, type FieldComment } from '../../../components/review/FieldCommentsEditor';
import type { ActionResult } from '../queries';
import { lengthRule } from '../../../components/schema-rule';

export type Action = 'return' | 'recommend' | 'decline' | 'unrecommend';

export const ACTION_META: Record<Action, { title: string; ok: string; danger?: boolean; icon: React.ReactNode; confirm: string }> = {
  return: { title: '退回补正', ok: '确认退回', icon: <RollbackOutlined />, confirm: '确认后项目将退回申报单位补正，申报单位将收到退回原因和逐项意见。' },
  recommend: { title: '推荐', ok: '确认推荐', icon: <CheckOutlined />, confirm: '确认后项目进入本单位推荐名单（已推荐，待报送），并通知申报单位。' },
  decline: { title: '不予推荐', ok: '确认不予推荐', danger: true, icon: <CloseOutlined />, confirm: '不予推荐后，该项目在本年度不能再次推荐，原因对申报单位可见。' },
  unrecommend: { title: '撤销推荐', ok: '确认撤销推荐', danger: true, icon: <UndoOutlined />, confirm: '撤销后项目回到“待推荐单位审核”状态并移出推荐名单，推荐意见将被清除。' },
};

interface ActionValues {
  reason?: string;
  opinion?: string;
  fieldComments?: FieldComment[];
  authConfirmed?: boolean;
  authNotes?: string;
  recognitionConfirmed?: boolean;
}

export function ActionModal({ action, review, onClose, onDone }: { action: Action | null; review: ApplicationReview; onClose(): void; onDone(stale: boolean): void }) {
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
            rules={reasonRules({ label: action === 'return' ? '退回原因' : '不予推荐的原因', min: MIN_REASON_LENGTH })}
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
            <Form.Item name="opinion" label="推荐意见" rules={reasonRules({ label: '推荐意见', min: MIN_OPINION_LENGTH })} extra={`不少于${MIN_OPINION_LENGTH}字，将写入推荐汇总表`}>
              <Input.TextArea rows={5} maxLength={2000} showCount placeholder="如：经核查，该单位申报材料齐全、内容真实，攻关目标明确、量化指标可考核，技术路线可行，同意推荐。" />
            </Form.Item>
            {needAuth && (
              <div className="gg-subform" style={{ marginBottom: 16 }}>
                <Form.Item name="authConfirmed" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('推荐前须确认申报材料真实性'))) }]} style={{ marginBottom: 8 }}>
                  <Checkbox>本单位已核查，申报材料内容真实、有效（真实性核查）</Checkbox>
                </Form.Item>
                <Form.Item name="authNotes" label="核查说明" rules={[lengthRule('核查说明', 3000)]} style={{ marginBottom: 0 }}>
                  <Input.TextArea rows={2} count={{ show: true, max: 3000 }} />
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
      <ErrorList errors={errors} title="操作未完成" />
    </Modal>
  );
}
