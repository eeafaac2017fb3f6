/** The sections of the campaign form (inside the editor's <Form>): every configurable rule of the year. */
import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { certificateNoFormatProblem, DEFAULT_CERTIFICATE_NO_FORMAT, formatCertificateNo } from '../../../../domain/certificate-number';
import { DEFAULT_PROJECT_NO_FORMAT, formatProjectNo, projectNoFormatProblem } from '../../../../domain/project-number';
import { DEFAULT_ATTENDEES_PER_PROJECT } from '../../../../shared/training';
import { TagsEditor } from '../../../components/TagsEditor';
import { WINDOW_KEYS } from '../../../labels';
import type { CampaignDto } from '../../../types';
import { CAMPAIGN_STATUS_LABELS, DUPLICATE_TARGET_LABELS } from '../labels';
import { calendarUsedText, HolidayCalendarCard } from './HolidayCalendarCard';
import { Directions, NamingRulesTable, VetoChecklist } from './RuleLists';
import { WindowFields } from './WindowFields';
import { SynonymEditor } from './SynonymEditor';
import { ProgressScheduleCard } from './ProgressScheduleCard';
import { CriteriaEditor } from './CriteriaEditor';
import { lengthRule } from '../../../components/schema-rule';

export function CampaignFormSections({ campaign, onSaved }: { campaign: CampaignDto; onSaved(c: CampaignDto): void }) {
  return (
    <>
    <Card title="基本信息" className="gg-section-card">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="活动标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写活动标题' }, { min: 2, max: 100, message: '标题长度为 2–100 个字符' }]}>
            <Input count={{ show: true, max: 100 }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="文号" name="documentNo" rules={[lengthRule('文号', 50)]}>
            <Input placeholder="如 津市场监管质发〔2026〕2号" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="状态" name="status" extra="多个年度可同时进行中（如上一年度评价与本年度申报）；开启前须录入节假日日历">
            <Select options={Object.entries(CAMPAIGN_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="项目最早启动日期" name={['config', 'earliestStartDate']} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Col>
      </Row>
    </Card>

    <Card title="时间窗口" className="gg-section-card" extra={<span className="gg-muted gg-small">所有时间均为北京时间，截止判断以服务器时间为准</span>}>
      <Row gutter={[16, 16]}>
        {WINDOW_KEYS.map((k) => (
          <Col xs={24} lg={12} key={k}>
            <WindowFields k={k} lockedSince={campaign.status !== 'draft' && Date.parse(campaign.config.windows[k].opensAt) <= Date.now() ? campaign.config.windows[k].opensAt : null} />
          </Col>
        ))}
      </Row>
    </Card>

    <Card title="申报方向" className="gg-section-card">
      <Directions />
    </Card>

    <Card title="重点产业链" className="gg-section-card">
      <Form.Item label="重点产业链" name={['config', 'focusChains']}>
        <TagsEditor label="产业链" />
      </Form.Item>
      <Form.Item label="民生产业" name={['config', 'livelihoodIndustries']}>
        <TagsEditor label="民生产业" color="geekblue" />
      </Form.Item>
      <Form.Item name={['config', 'allowOtherChain']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>允许选择“其他”产业链申报</Checkbox>
      </Form.Item>
    </Card>

    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card title="公示" className="gg-section-card gg-fill">
          <Form.Item label="公示期（工作日）" name={['config', 'publicityWorkingDays']} rules={[{ required: true, message: '请填写公示期' }]} extra={calendarUsedText(campaign).text}>
            <InputNumber min={1} max={30} addonAfter="个工作日" />
          </Form.Item>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="查重阈值" className="gg-section-card gg-fill">
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="提示阈值" name={['config', 'duplicate', 'showThreshold']} extra="相似度达到此值即向申报单位提示">
                <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="标记阈值"
                name={['config', 'duplicate', 'flagThreshold']}
                dependencies={[['config', 'duplicate', 'showThreshold']]}
                extra="达到此值即标记给推荐单位和市市场监管委"
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: number | null) => {
                      const show = getFieldValue(['config', 'duplicate', 'showThreshold']) as number | null;
                      return v == null || show == null || v >= show ? Promise.resolve() : Promise.reject(new Error('标记阈值不能低于提示阈值'));
                    },
                  }),
                ]}
              >
                <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="比对范围" name={['config', 'duplicate', 'targets']} rules={[{ type: 'array', min: 1, message: '至少选择一项比对范围' }]} style={{ marginBottom: 0 }}>
            <Checkbox.Group options={Object.entries(DUPLICATE_TARGET_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Card>
      </Col>
    </Row>

    <SynonymEditor />

    <HolidayCalendarCard campaign={campaign} onSaved={onSaved} />

    <Card title="立项审核" className="gg-section-card" extra={<span className="gg-muted gg-small">各推荐单位报送截止后方可立项；立项编号按立项顺序连续分配</span>}>
      <Form.Item
        label="立项编号格式"
        name={['config', 'projectNoFormat']}
        extra={`{year} 为年度，{nnnn} 为序号（n 的个数即位数）；留空则使用默认格式 ${DEFAULT_PROJECT_NO_FORMAT}，如 ${formatProjectNo(undefined, campaign.year, 1)}`}
        // Cleared → undefined → left out of the saved config → the default applies.
        normalize={(v: string | undefined) => (v?.trim() ? v : undefined)}
        rules={[
          { validator: (_, v: string | undefined) => (!v?.trim() || !projectNoFormatProblem(v.trim()) ? Promise.resolve() : Promise.reject(new Error(projectNoFormatProblem(v.trim())!))) },
        ]}
        style={{ marginBottom: 0, maxWidth: 420 }}
      >
        <Input placeholder={DEFAULT_PROJECT_NO_FORMAT} />
      </Form.Item>
    </Card>

    <Card title="证书发放" className="gg-section-card" extra={<span className="gg-muted gg-small">证书编号按发放顺序连续分配，作废后重新发放使用新编号</span>}>
      <Form.Item
        label="证书编号格式"
        name={['config', 'certificateNoFormat']}
        extra={`{year} 为年度，{nnn} 为序号（n 的个数即位数）；留空则使用默认格式 ${DEFAULT_CERTIFICATE_NO_FORMAT}，如 ${formatCertificateNo(undefined, campaign.year, 1)}`}
        normalize={(v: string | undefined) => (v?.trim() ? v : undefined)}
        rules={[
          { validator: (_, v: string | undefined) => (!v?.trim() || !certificateNoFormatProblem(v.trim()) ? Promise.resolve() : Promise.reject(new Error(certificateNoFormatProblem(v.trim())!))) },
        ]}
        style={{ marginBottom: 0, maxWidth: 420 }}
      >
        <Input placeholder={DEFAULT_CERTIFICATE_NO_FORMAT} aria-label="证书编号格式" />
      </Form.Item>
    </Card>

    <Card title="宣贯培训" className="gg-section-card" extra={<span className="gg-muted gg-small">立项项目的质量负责人、项目负责人和技术骨干参训</span>}>
      <Form.Item
        label="每个项目每场报名人数上限"
        name={['config', 'training', 'attendeesPerProject']}
        rules={[{ required: true, message: '请填写每个项目每场报名人数上限' }]}
        extra={`申报单位为一个已立项项目在同一场培训中最多报名的人数（默认 ${DEFAULT_ATTENDEES_PER_PROJECT} 人）`}
        style={{ marginBottom: 0 }}
      >
        <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} aria-label="每个项目每场报名人数上限" />
      </Form.Item>
    </Card>

    <ProgressScheduleCard year={campaign.year} />

    <CriteriaEditor campaignId={campaign.id} />

    <Card title="项目名称规范" className="gg-section-card" extra={<span className="gg-muted gg-small">依据附件4《项目名称规范指引》，“错误”级规则不满足时不可提交</span>}>
      <NamingRulesTable />
    </Card>

    <Card title="否决项清单" className="gg-section-card" extra={<span className="gg-muted gg-small">申报单位须逐项承诺</span>}>
      <VetoChecklist />
    </Card>

    <Card title="联系方式" className="gg-section-card">
      <Row gutter={16}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label="联系处室" name={['config', 'contact', 'division']}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label="联系人" name={['config', 'contact', 'people']}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label="联系电话" name={['config', 'contact', 'phone']}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item label="电子邮箱" name={['config', 'contact', 'email']}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Card>
    </>
  );
}
