/**
 * 进展报告安排 (config.progressSchedule, src/domain/implementation.ts): how often a project reports,
 * the due day, the reminders and extra fixed dates; checked with the server's own schema.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select } from 'antd';
import { progressScheduleSchema, progressScheduleYearProblems } from '../../../../domain/campaign-config';
import { numberRule } from '../../../components/schema-rule';
import { FormDate, FormNumber } from './form-controls';

const PATH = ['config', 'progressSchedule'];
const FREQUENCY_OPTIONS = [
  { value: 'monthly', label: '每月报送（上月进展）' },
  { value: 'quarterly', label: '每季度报送（上季度进展）' },
];
const shape = progressScheduleSchema.shape;

/** Problems of fixed date `i`: format, order and duplicates (schema), inside the campaign year. */
function fixedDateProblem(dates: string[], i: number, year: number): string | null {
  const r = shape.fixedDates.safeParse(dates);
  const own = r.success ? undefined : r.error.issues.find((x) => x.path[0] === i || x.path.length === 0);
  if (!dates[i]) return `请选择第${i + 1}个固定报送日期`;
  return own?.message ?? progressScheduleYearProblems({ fixedDates: dates }, year).find((p) => p.index === i)?.message ?? null;
}

export function ProgressScheduleCard({ year }: { year: number }) {
  const form = Form.useFormInstance();
  const recheck = () =>
    setTimeout(() => void form.validateFields(((form.getFieldValue([...PATH, 'fixedDates']) as string[] | undefined) ?? []).map((_, i) => [...PATH, 'fixedDates', i])).catch(() => undefined));
  return (
    <Card title="进展报告安排" className="gg-section-card" extra={<span className="gg-muted gg-small">已立项项目按此报送实施进展，系统按日期提醒和标记逾期</span>}>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="报送频次" name={[...PATH, 'frequency']} rules={[{ required: true, message: '请选择报送频次' }]}>
            <Select options={FREQUENCY_OPTIONS} aria-label="报送频次" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="报送日（每期结束后次月）" name={[...PATH, 'dayOfMonth']} rules={[numberRule(shape.dayOfMonth, '报送日', { required: true })]}>
            <FormNumber aria-label="报送日" suffix="日" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="提前提醒天数" name={[...PATH, 'remindDaysBefore']} rules={[numberRule(shape.remindDaysBefore, '提前提醒天数', { required: true })]}>
            <FormNumber aria-label="提前提醒天数" suffix="天" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="逾期提醒天数" name={[...PATH, 'remindDaysAfter']} rules={[numberRule(shape.remindDaysAfter, '逾期提醒天数', { required: true })]}>
            <FormNumber aria-label="逾期提醒天数" suffix="天" />
          </Form.Item>
        </Col>
      </Row>
      <div className="gg-muted gg-small" style={{ marginBottom: 8 }}>
        固定报送日期（专项报告，可选）：须在 {year} 年度内，按时间先后排列，不得重复
      </div>
      <Form.List name={[...PATH, 'fixedDates']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', maxWidth: 420 }}>
                <Form.Item
                  name={f.name}
                  style={{ flex: 1, marginBottom: 8 }}
                  getValueFromEvent={(v: string | undefined) => {
                    recheck();
                    return v;
                  }}
                  rules={[
                    {
                      validator: async () => {
                        const p = fixedDateProblem((form.getFieldValue([...PATH, 'fixedDates']) as string[]) ?? [], i, year);
                        if (p) throw new Error(p);
                      },
                    },
                  ]}
                >
                  <FormDate aria-label={`第${i + 1}个固定报送日期`} />
                </Form.Item>
                <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除第${i + 1}个固定报送日期`} onClick={() => { remove(f.name); recheck(); }} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(undefined)}>
              添加固定报送日期
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
