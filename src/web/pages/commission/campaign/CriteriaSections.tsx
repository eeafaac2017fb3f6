/** 成果评定指标 sections and their scored items (name, max points), inside the campaign form. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';
import { numberRule, schemaRule } from '../../../components/schema-rule';
import { CRITERIA_PATH, itemShape, sectionShape } from './criteria-rules';
import { FormNumber } from './form-controls';

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

export function CriteriaSections({ locked }: { locked: boolean }) {
  return (
    <Form.List name={[...CRITERIA_PATH, 'sections']}>
      {(sections, { add, remove }) => (
        <>
          {sections.map((sec, si) => (
            <Card
              key={sec.key}
              type="inner"
              size="small"
              style={{ marginBottom: 12 }}
              title={`第${si + 1}部分`}
              extra={!locked && <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除第${si + 1}部分评定指标`} onClick={() => remove(sec.name)} />}
            >
              <Form.Item label="部分名称" name={[sec.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写评定指标名称' }, schemaRule(sectionShape.label, null)]} style={{ maxWidth: 420 }}>
                <Input aria-label={`第${si + 1}部分名称`} count={{ show: true, max: 30 }} />
              </Form.Item>
              <Form.List name={[sec.name, 'items']}>
                {(items, itemOps) => (
                  <>
                    {items.map((it, ii) => (
                      <div key={it.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                        <Form.Item name={[it.name, 'label']} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '请填写评分项名称' }, schemaRule(itemShape.label, null)]}>
                          <Input aria-label={`第${si + 1}部分评分项${ii + 1}名称`} placeholder="评分项名称" count={{ show: true, max: 60 }} />
                        </Form.Item>
                        <Form.Item name={[it.name, 'max']} style={{ width: 160, marginBottom: 8 }} rules={[numberRule(itemShape.max, '评分项满分', { required: true })]}>
                          <FormNumber aria-label={`第${si + 1}部分评分项${ii + 1}满分`} suffix="分" />
                        </Form.Item>
                        {!locked && <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除第${si + 1}部分评分项${ii + 1}`} onClick={() => itemOps.remove(it.name)} />}
                      </div>
                    ))}
                    {!locked && (
                      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => itemOps.add({ id: newId('item'), label: '', max: undefined })}>
                        添加评分项
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          {!locked && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: newId('part'), label: '', items: [] })} style={{ marginBottom: 12 }}>
              添加评定指标部分
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
