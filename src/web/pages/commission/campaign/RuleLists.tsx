/** The campaign form's list editors: 项目名称规范 rules, 否决项清单 and 申报方向. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, Row, Select, Switch, Table } from 'antd';
import { TagsEditor } from '../../../components/TagsEditor';
import { NAMING_RULE_LABELS } from '../labels';
import { lengthRule } from '../../../components/schema-rule';

export function NamingRulesTable() {
  return (
    <Form.List name={['config', 'namingRules']}>
      {(fields) => (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={fields}
          columns={[
            {
              title: '规则',
              key: 'label',
              render: (_, f) => (
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const id = getFieldValue(['config', 'namingRules', f.name, 'id']) as string;
                    return (
                      <div>
                        <div>{NAMING_RULE_LABELS[id] ?? '自定义规则'}</div>
                      </div>
                    );
                  }}
                </Form.Item>
              ),
            },
            {
              title: '处理方式',
              key: 'severity',
              width: 180,
              render: (_, f) => (
                <Form.Item name={[f.name, 'severity']} noStyle>
                  <Select
                    aria-label="处理方式"
                    style={{ width: 160 }}
                    options={[
                      { value: 'error', label: '错误（不可提交）' },
                      { value: 'warning', label: '提醒（可提交）' },
                    ]}
                  />
                </Form.Item>
              ),
            },
            {
              title: '启用',
              key: 'enabled',
              width: 90,
              render: (_, f) => (
                <Form.Item name={[f.name, 'enabled']} valuePropName="checked" noStyle>
                  <Switch aria-label="启用该规则" checkedChildren="启用" unCheckedChildren="停用" />
                </Form.Item>
              ),
            },
          ]}
        />
      )}
    </Form.List>
  );
}

export function VetoChecklist() {
  return (
    <Form.List name={['config', 'vetoChecklist']}>
      {(fields, { add, remove }) => (
        <div>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无否决项" />}
          <ol className="gg-veto-list">
            {fields.map((f, i) => (
              <li key={f.key}>
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写否决项内容' }, lengthRule(`否决项 ${i + 1}`, 200)]} style={{ flex: 1, marginBottom: 8 }}>
                  <Input aria-label={`否决项 ${i + 1}`} count={{ show: true, max: 200 }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除否决项 ${i + 1}`} onClick={() => remove(f.name)} danger type="text" />
              </li>
            ))}
          </ol>
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: `veto-${Date.now().toString(36)}`, text: '' })}>
            添加否决项
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function Directions() {
  return (
    <Form.List name={['config', 'directions']}>
      {(fields) => (
        <Row gutter={[16, 16]}>
          {fields.map((f) => (
            <Col xs={24} lg={12} key={f.key}>
              <Card type="inner" className="gg-fill" title={<Form.Item noStyle shouldUpdate>{({ getFieldValue }) => getFieldValue(['config', 'directions', f.name, 'label']) as string}</Form.Item>}>
                <Form.Item label="方向名称" name={[f.name, 'label']} rules={[{ required: true, message: '请填写方向名称' }]}>
                  <Input />
                </Form.Item>
                <Form.Item label="方向说明" name={[f.name, 'description']}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
                </Form.Item>
                <Form.Item label="攻关重点" name={[f.name, 'targets']} rules={[{ type: 'array', min: 1, message: '至少需要一项攻关重点' }]}>
                  <TagsEditor label="攻关重点" />
                </Form.Item>
                <Form.Item label="倾斜支持" name={[f.name, 'preferred']} valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Form.List>
  );
}

