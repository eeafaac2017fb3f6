/**
 * 历年成果库: the earlier years' excellent results the duplicate check compares with (issue 4).
 * Download the Excel template, import a filled one (all-or-nothing, row errors named), browse
 * (filters and page in the URL).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { HISTORY_KIND_LABELS, HISTORY_KINDS } from '../../../shared/applications';
import { api, ApiError, errorMessage } from '../../api';
import { FilterBar, ListTable } from '../../components/list';
import { useListState } from '../../hooks/useListState';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PageHeader } from '../../layout/RoleLayout';

type Kind = (typeof HISTORY_KINDS)[number];

const KIND_OPTIONS = HISTORY_KINDS.map((k) => ({ value: k, label: HISTORY_KIND_LABELS[k] }));

interface HistoryRow {
  id: string;
  year: number;
  name: string;
  unitName: string;
  chain: string | null;
  level: string | null;
  kind: string;
  source: string;
}

export default function HistoryPage() {
  usePageTitle('历年成果库');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const list = useListState({ filters: { q: '', year: '', kind: '' } });
  const [importKind, setImportKind] = useState<Kind>('excellent_result');
  const [rowErrors, setRowErrors] = useState<string[]>([]);

  const results = useQuery({
    queryKey: ['history', list.query],
    queryFn: () => api.get<{ items: HistoryRow[]; total: number }>('/api/commission/history', list.query),
    placeholderData: keepPreviousData,
  });

  const importFile = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.post<{ imported: number; years: number[] }>(`/api/commission/history/import?kind=${importKind}`, body);
    },
    onSuccess: (res) => {
      setRowErrors([]);
      message.success(`已导入 ${res.imported} 条${HISTORY_KIND_LABELS[importKind]}（年度：${res.years.join('、')}）`);
      void qc.invalidateQueries({ queryKey: ['history'] });
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? Object.values(err.fields ?? {}) : [];
      setRowErrors(fields);
      message.error(errorMessage(err));
    },
  });

  const columns: ColumnsType<HistoryRow> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '项目名称', dataIndex: 'name' },
    { title: '完成单位', dataIndex: 'unitName', width: 240 },
    { title: '所属产业链', dataIndex: 'chain', width: 120 },
    { title: '成果等级', dataIndex: 'level', width: 100 },
    { title: '类别', dataIndex: 'kind', width: 120, render: (k: string) => HISTORY_KIND_LABELS[k as Kind] ?? k },
  ];

  return (
    <>
      <PageHeader title="历年成果库" subtitle="查重比对的历年优秀成果（及历年攻关项目）；导入为整批生效，任何一行有误则不导入" />
      <Card title="导入" style={{ marginBottom: 20 }}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/commission/history/template.xlsx">
            下载导入模板
          </Button>
          <Select aria-label="导入类别" value={importKind} onChange={setImportKind} style={{ width: 160 }} options={KIND_OPTIONS} />
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              modal.confirm({
                title: '确认导入',
                content: `将“${file.name}”作为${HISTORY_KIND_LABELS[importKind]}导入。导入后即参与查重比对，请确认内容无误。`,
                okText: '导入',
                cancelText: '取消',
                onOk: () => importFile.mutateAsync(file).catch(() => undefined),
              });
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importFile.isPending}>
              选择 Excel 文件导入
            </Button>
          </Upload>
        </Space>
        {rowErrors.length > 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            message="导入未生效，请修改以下问题后重新导入"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {rowErrors.slice(0, 50).map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card title="成果列表">
        <FilterBar
          list={list}
          label="历年成果筛选"
          onRefresh={() => void results.refetch()}
          fields={[
            { key: 'q', kind: 'text', label: '关键词', ariaLabel: '搜索项目名称或完成单位', placeholder: '项目名称或完成单位', width: 260, maxLength: 50 },
            { key: 'year', kind: 'number', label: '年度', min: 1990, max: 2100, placeholder: '全部年度' },
            { key: 'kind', kind: 'select', label: '类别', width: 160, allLabel: '全部类别', options: KIND_OPTIONS },
          ]}
        />
        <ListTable<HistoryRow>
          list={list}
          result={results}
          what="历年成果"
          empty="暂无历年成果，请下载模板填写后导入"
          noMatch="没有符合条件的历年成果"
          columns={columns}
        />
      </Card>
    </>
  );
}
