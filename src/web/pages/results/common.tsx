/** Pieces shared by the three sides' 成果 pages: state tags, the read-only result view, file upload. */
import { FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { PROJECT_STATE_LABELS, type ProjectState } from '../../../domain/project-workflow';
import type { EvaluationLevel } from '../../../domain/vocabularies';
import { EVALUATION_LEVEL_LABELS } from '../../../shared/evaluation';
import { BENEFIT_KIND_LABELS, RESULT_REPORT_SECTIONS, type ResultDetail } from '../../../shared/results';
import { api, errorMessage } from '../../api';
import { formatBeijing } from '../../time';

const STATE_COLOR: Partial<Record<ProjectState, string>> = { approved: 'blue', results_submitted: 'gold', results_returned: 'orange', results_received: 'green', lapsed: 'red', in_evaluation: 'processing', evaluated: 'success' };

export function ResultStateTag({ state, reviewState, level }: { state: ProjectState; reviewState?: string | null; level?: EvaluationLevel | null }) {
  return (
    <Space size={4}>
      <Tag color={STATE_COLOR[state]}>{PROJECT_STATE_LABELS[state]}</Tag>
      {reviewState === 'accepted' && <Tag color="green">已审核通过，待报送</Tag>}
      {level && <Tag color="gold">评定等级：{EVALUATION_LEVEL_LABELS[level]}</Tag>}
    </Space>
  );
}

export function DeadlineNote({ deadline, open }: { deadline: string; open: boolean }) {
  return open ? (
    <span className="gg-muted">成果报送截止时间：{formatBeijing(deadline, 'seconds')}（北京时间），逾期不再接收。</span>
  ) : (
    <span style={{ color: '#cf1322' }}>成果报送已于{formatBeijing(deadline, 'seconds')}（北京时间）截止，逾期不再接收。</span>
  );
}

export function ExportButtons({ side, projectId }: { side: 'applicant' | 'recommender' | 'commission'; projectId: string }) {
  return (
    <Space>
      <Button icon={<FileWordOutlined />} href={`/api/${side}/results/${projectId}/report/docx`}>
        导出成果报告（Word）
      </Button>
      <Button icon={<FilePdfOutlined />} href={`/api/${side}/results/${projectId}/report/pdf`}>
        导出成果报告（PDF）
      </Button>
    </Space>
  );
}

/** Uploads one file for a purpose and reports its id and name. */
export function FileUpload({ purpose, label, accept, testId, onUploaded }: { purpose: string; label: string; accept?: string; testId?: string; onUploaded: (f: { fileId: string; name: string }) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <span data-testid={testId}>
    <Upload
      accept={accept}
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        const body = new FormData();
        body.append('file', file, file.name);
        api
          .post<{ id: string; originalName?: string }>(`/api/files?purpose=${purpose}`, body)
          .then((f) => onUploaded({ fileId: f.id, name: file.name }))
          .catch((e) => message.error(errorMessage(e)))
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        {label}
      </Button>
    </Upload>
    </span>
  );
}

/** The linked plan indicator's baseline and target, beside the result's before/after. */
export function PlannedHint({ indicator }: { indicator?: { baseline: number; target: number; unit: string } }) {
  return indicator ? <span className="gg-muted gg-small">方案：基线 {indicator.baseline}{indicator.unit}，目标 {indicator.target}{indicator.unit}</span> : null;
}

export function ResultView({ detail }: { detail: ResultDetail }) {
  return (
    <>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        {RESULT_REPORT_SECTIONS.map(([key, label]) => (
          <Descriptions.Item key={key} label={label}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{detail.report?.[key] ?? ''}</div>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="成果报告全文">{detail.reportFile?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="过程性材料">{detail.processFiles.map((f) => f.name).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <h3>效益数据</h3>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={detail.benefits}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: keyof typeof BENEFIT_KIND_LABELS) => BENEFIT_KIND_LABELS[k] },
          { title: '对应指标', dataIndex: 'indicatorName' },
          { title: '说明', dataIndex: 'description' },
          { title: '攻关前', dataIndex: 'before' },
          { title: '攻关后', dataIndex: 'after' },
          { title: '方案目标（基线→目标）', key: 'planned', render: (_, b) => (b.planned ? `${b.planned.baseline}→${b.planned.target}${b.planned.unit}` : '—') },
          { title: '金额/数量', key: 'amount', render: (_, b) => (b.amount === null || b.amount === undefined ? '' : `${b.amount}${b.unit ?? ''}`) },
          { title: '佐证', key: 'evidence', render: (_, b) => (b.evidenceFileId ? '已上传' : '—') },
        ]}
      />
      <h3 style={{ marginTop: 16 }}>参与人员</h3>
      <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={detail.team} columns={[{ title: '姓名', dataIndex: 'name' }, { title: '分工', dataIndex: 'role' }, { title: '工作单位', dataIndex: 'employer' }]} />
    </>
  );
}
