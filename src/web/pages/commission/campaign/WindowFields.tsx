import { Alert, Card, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import type { WindowKey } from '../../../../domain/campaign-config';
import { WINDOW_LABELS } from '../../../labels';
import { formatBeijing } from '../../../time';
import { DATETIME_FORMAT } from './campaign-form';

/** The server refuses changing a window of a non-draft campaign once it has opened (补报窗口 instead). */
export function WindowFields({ k, lockedSince }: { k: WindowKey; lockedSince: string | null }) {
  const pickerProps = { showTime: { format: 'HH:mm:ss' }, format: DATETIME_FORMAT, style: { width: '100%' }, disabled: !!lockedSince } as const;
  return (
    <Card type="inner" title={WINDOW_LABELS[k]} className="gg-fill">
      {lockedSince && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`窗口已于 ${formatBeijing(lockedSince)} 开始，时间不可再修改`}
          description="如需延长个别推荐单位的报送时间，请在下方“补报窗口”中开通（单独记录并写入审计日志）。"
        />
      )}
      <Form.Item label="开始时间（北京时间）" name={['windows', k, 'opensAt']} rules={[{ required: true, message: '请选择开始时间' }]}>
        <DatePicker {...pickerProps} />
      </Form.Item>
      <Form.Item
        label="申报单位提交截止（北京时间）"
        name={['windows', k, 'applicantClosesAt']}
        extra="申报单位须在此前提交推荐单位；留空则与报送截止相同"
      >
        <DatePicker {...pickerProps} />
      </Form.Item>
      <Form.Item
        label="推荐单位报送截止（北京时间）"
        name={['windows', k, 'closesAt']}
        dependencies={[['windows', k, 'opensAt']]}
        rules={[
          { required: true, message: '请选择截止时间' },
          ({ getFieldValue }) => ({
            validator: (_, v: Dayjs | null) => {
              const open = getFieldValue(['windows', k, 'opensAt']) as Dayjs | null;
              return !v || !open || v.isAfter(open) ? Promise.resolve() : Promise.reject(new Error('截止时间须晚于开始时间'));
            },
          }),
        ]}
        extra="含当秒：23:59:59 表示当天结束前均可报送"
      >
        <DatePicker {...pickerProps} />
      </Form.Item>
    </Card>
  );
}

