/** The row-by-row report of an Excel import that was refused as a whole (nothing was imported). */
import { Table } from 'antd';

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export function ImportErrorTable({ errors, columnWidth = 160 }: { errors: ImportRowError[]; columnWidth?: number }) {
  return (
    <Table<ImportRowError>
      style={{ marginTop: 16 }}
      size="small"
      rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
      title={() => <strong style={{ color: '#cf1322' }}>导入未生效，请修改以下问题后重新导入</strong>}
      dataSource={errors}
      pagination={false}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第${r}行` },
        { title: '列', dataIndex: 'column', width: columnWidth },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
