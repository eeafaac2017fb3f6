/** 409 stale_version: show what differs between this page and the server, keep mine or take theirs. */
import { Alert, Button, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import type { ProjectState } from '../../../../domain/project-workflow';
import { fieldLabel, type ApplicationForm } from '../../../../domain/application-form';
import { changedPaths, getAt } from '../../../components/application/form-paths';
import { formatBeijing } from '../../../time';

export interface Conflict {
  mine: { form: ApplicationForm; recommenderOrgId: string | null };
  theirs: { form: ApplicationForm; recommenderOrgId: string | null };
  version: number;
  state: ProjectState;
  stateLabel: string;
  updatedAt: string;
  /** False when the server copy can no longer be edited (e.g. submitted from another window). */
  editable: boolean;
}

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (typeof v === 'string') return v.length > 160 ? `${v.slice(0, 160)}…` : v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function MergeDialog({ conflict, onKeepMine, onTakeTheirs }: { conflict: Conflict; onKeepMine(): void | Promise<void>; onTakeTheirs(): void }) {
  const [busy, setBusy] = useState(false);
  const paths = changedPaths(conflict.mine.form, conflict.theirs.form);
  const rows = paths.map((p) => ({ path: p, label: fieldLabel(p), mine: show(getAt(conflict.mine.form, p)), theirs: show(getAt(conflict.theirs.form, p)) }));
  if (conflict.mine.recommenderOrgId !== conflict.theirs.recommenderOrgId) rows.push({ path: 'recommenderOrgId', label: '推荐单位', mine: '（本页所选）', theirs: '（服务器上所选）' });
  return (
    <Modal
      open
      width={860}
      title="该申报书已在其他窗口或设备上修改"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Space>
          <Button onClick={onTakeTheirs} disabled={busy}>
            使用服务器上的版本
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!conflict.editable}
            onClick={async () => {
              setBusy(true);
              try {
                await onKeepMine();
              } finally {
                setBusy(false);
              }
            }}
          >
            保留我的修改
          </Button>
        </Space>
      }
    >
      <p>
        服务器上的版本更新于 {formatBeijing(conflict.updatedAt, 'seconds')}（当前状态：{conflict.stateLabel}）。以下 {rows.length} 处内容与本页不同，请选择保留哪一份；未选择的一份会备份在本机浏览器中，不会丢失。
      </p>
      {!conflict.editable && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`服务器上的申报书已处于“${conflict.stateLabel}”状态，不能再覆盖；请使用服务器上的版本，本页内容已备份在本机浏览器中。`} />
      )}
      <Table
        size="small"
        rowKey="path"
        pagination={rows.length > 8 ? { pageSize: 8 } : false}
        dataSource={rows}
        columns={[
          { title: '内容', dataIndex: 'label', width: 200 },
          { title: '本页（我的修改）', dataIndex: 'mine', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: '服务器上的版本', dataIndex: 'theirs', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
        ]}
      />
    </Modal>
  );
}
