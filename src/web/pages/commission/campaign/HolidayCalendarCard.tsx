/**
 * 节假日日历 of one campaign: the working-day calendar (国务院办公厅节假日安排) that 公示期 and every
 * other working-day deadline of this year uses. Shown and edited inside the campaign form; pasted
 * or Excel-imported lists are saved at once (the server checks every line and saves nothing when one is bad).
 */
import { DownloadOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { calendarSummary } from '../../../../domain/holiday-calendar';
import { api, errorMessage } from '../../../api';
import { TagsEditor } from '../../../components/TagsEditor';
import type { CampaignDto } from '../../../types';

interface ImportResult {
  saved: boolean;
  problems: { line: number; message: string }[];
  campaign?: CampaignDto;
}

const EXAMPLE = (year: number) => `${year}-01-01 元旦 休\n${year}-02-06至${year}-02-13 春节 休\n${year}-02-14 调休 上班`;

/** "按 2027 年节假日日历计算（法定节假日 26 天、调休上班 2 天）" — or a warning that the year is missing. */
export function calendarUsedText(campaign: CampaignDto): { text: string; missing: boolean } {
  const s = calendarSummary(campaign.config.calendar, campaign.year);
  return s.covered
    ? { text: `按本年度（${campaign.year}年）节假日日历计算：法定节假日 ${s.holidays} 天、调休上班 ${s.workdays} 天，节假日顺延`, missing: false }
    : { text: `尚未录入${campaign.year}年节假日日历：按工作日计算的期限（如公示期）无法计算，年度活动也不能开启`, missing: true };
}

export function HolidayCalendarCard({ campaign, onSaved }: { campaign: CampaignDto; onSaved(c: CampaignDto): void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ImportResult['problems']>([]);
  const used = calendarUsedText(campaign);

  const done = (r: ImportResult) => {
    setProblems(r.problems);
    if (!r.saved || !r.campaign) {
      message.error(`节假日日历有 ${r.problems.length} 处错误，未导入，请按行修改后重试`);
      return;
    }
    message.success(`已导入${campaign.year}年节假日日历（放假 ${r.campaign.config.calendar.holidays.length} 天、调休上班 ${r.campaign.config.calendar.workdays.length} 天）`);
    setText('');
    onSaved(r.campaign);
  };
  const fail = (err: unknown) => {
    setProblems([]);
    message.error(errorMessage(err));
  };

  const paste = useMutation({
    mutationFn: () => api.put<ImportResult>(`/api/campaigns/${campaign.id}/calendar`, { version: campaign.version, text }),
    onSuccess: done,
    onError: fail,
  });
  const excel = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<ImportResult>(`/api/campaigns/${campaign.id}/calendar/xlsx?version=${campaign.version}`, body);
    },
    onSuccess: done,
    onError: fail,
  });

  return (
    <Card title="节假日日历" className="gg-section-card" extra={<span className="gg-muted gg-small">依据国务院办公厅当年部分节假日安排的通知</span>}>
      <Alert type={used.missing ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} title={used.text} data-testid="calendar-used" />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="放假日（含放假调休区间内的周末）" name={['config', 'calendar', 'holidays']}>
            <TagsEditor label="放假日" placeholder="YYYY-MM-DD，回车添加" maxItemLength={10} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item label="调休上班日（周六或周日）" name={['config', 'calendar', 'workdays']}>
            <TagsEditor label="调休上班日" color="geekblue" placeholder="YYYY-MM-DD，回车添加" maxItemLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <div className="gg-subform">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          导入节假日安排（替换本年度日历并立即保存）
        </Typography.Title>
        <Input.TextArea
          aria-label="粘贴节假日安排"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 12 }}
          placeholder={`每行一个日期或日期区间、节日名称和“休”或“上班”，如：\n${EXAMPLE(campaign.year)}`}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <Button icon={<ImportOutlined />} type="primary" disabled={!text.trim()} loading={paste.isPending} onClick={() => paste.mutate()}>
            粘贴导入
          </Button>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (excel.mutate(f), false)}>
            <Button icon={<UploadOutlined />} loading={excel.isPending}>
              Excel 导入（列：日期｜节日｜安排）
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} href={`/api/campaigns/${campaign.id}/calendar/template.xlsx`}>
            下载 Excel（当前日历或模板）
          </Button>
        </Space>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 12 }}
            title="以下各行有误，节假日日历未导入"
            description={<ul className="gg-error-list">{problems.map((p) => <li key={`${p.line}-${p.message}`}>{p.message}</li>)}</ul>}
          />
        )}
      </div>
    </Card>
  );
}
