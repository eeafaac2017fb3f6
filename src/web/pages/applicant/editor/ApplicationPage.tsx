/**
 * /applicant/applications/:id — the 申报书: the editor while the state allows editing (草稿, 退回补正),
 * otherwise a read-only view with the state and what happens next; actions (撤回, 重新编辑, 删除草稿,
 * 导出 Word/PDF) and the version history.
 */
import { DeleteOutlined, ExclamationCircleOutlined, FilePdfOutlined, FileWordOutlined, HistoryOutlined, RollbackOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, List, Modal, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApplicationDetail } from '../../../../shared/applications';
import { ApiError, errorMessage } from '../../../api';
import { StateBadge } from '../../../components/application/StateBadge';
import { NEXT_STEP } from '../../../components/application/state-info';
import { maskId } from '../../../components/application/form-paths';
import { PageLoading } from '../../../components/PageLoading';
import { ApplicationFormView } from '../../../components/review/ApplicationFormView';
import { usePageTitle } from '../../../hooks/usePageTitle';
import { usePublicCampaign } from '../../../hooks/usePublicCampaign';
import { PageHeader } from '../../../layout/RoleLayout';
import { formatBeijing } from '../../../time';
import { applicationKey, applicationsApi, applicationsKey, exportUrl, useApplication, useRecommenders, type ApplicationVersion } from '../queries';
import { ApplicationEditor } from './ApplicationEditor';
import { formatSize } from './AttachmentsStep';
import { ATTACHMENT_KIND_LABELS } from '../../../../domain/application-form';

/** The applicant receives its own ID numbers in full (to edit them); every view masks them. */
function masked(form: ApplicationDetail['form']): ApplicationDetail['form'] {
  return { ...form, team: (form.team ?? []).map((m) => (m.idNumber ? { ...m, idNumber: maskId(m.idNumber) } : m)) };
}

function AttachmentLinks({ form }: { form: ApplicationDetail['form'] }) {
  if (!form.attachments?.length) return <span className="gg-muted">未上传附件</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {form.attachments.map((a) => (
        <li key={a.fileId}>
          {ATTACHMENT_KIND_LABELS[a.kind]}：
          <a href={`/api/files/${a.fileId}`} target="_blank" rel="noreferrer">
            {a.fileName}
          </a>{' '}
          <span className="gg-muted gg-small">{formatSize(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { data: detail, error, isPending, refetch, isRefetching } = useApplication(id);
  const { data: campaign } = usePublicCampaign();
  const { data: recs } = useRecommenders();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [viewing, setViewing] = useState<ApplicationVersion | null>(null);
  const [liveName, setLiveName] = useState<string | null>(null);
  usePageTitle(detail ? detail.name || '申报书' : '申报书');

  if (isPending) return <PageLoading tip="正在加载申报书…" />;
  if (error || !detail) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 className="gg-result-title">{notFound ? '申报书不存在或已删除' : '加载失败'}</h1>}
        subTitle={errorMessage(error)}
        extra={
          <Link className="gg-link-btn gg-link-btn-primary" to="/applicant/applications">
            返回我的申报
          </Link>
        }
      />
    );
  }

  const can = (a: string) => detail.actions.find((x) => x.action === a);
  const editable = !!can('edit')?.allowed;
  const vetoTexts = Object.fromEntries((campaign?.vetoChecklist ?? []).map((v) => [v.id, v.text]));
  const comments = Object.fromEntries(detail.reviewComments.map((c) => [c.path, c.comment]));

  const reload = async () => {
    await qc.invalidateQueries({ queryKey: applicationsKey });
    await refetch();
  };

  const transition = (kind: 'withdraw' | 'reopen' | 'delete') => {
    const texts = {
      withdraw: { title: '确认撤回申报书', content: '撤回后推荐单位将无需审核；如需继续申报，可“重新编辑”后在申报期限内重新提交。', ok: '确认撤回', done: '已撤回申报书' },
      reopen: { title: '重新编辑申报书', content: '申报书将回到草稿状态，修改后需重新提交推荐单位审核。', ok: '重新编辑', done: '申报书已回到草稿状态，可以继续编辑' },
      delete: { title: '确认删除草稿', content: '删除后无法恢复，已上传的附件也将不再关联到该申报书。', ok: '删除', done: '已删除申报书草稿' },
    }[kind];
    modal.confirm({
      title: texts.title,
      icon: <ExclamationCircleOutlined />,
      content: texts.content,
      okText: texts.ok,
      okButtonProps: kind === 'delete' ? { danger: true } : undefined,
      cancelText: '取消',
      onOk: async () => {
        setBusy(kind);
        try {
          if (kind === 'withdraw') await applicationsApi.withdraw(detail.id, detail.version);
          else if (kind === 'reopen') await applicationsApi.reopen(detail.id, detail.version);
          else await applicationsApi.remove(detail.id);
          message.success(texts.done);
          if (kind === 'delete') {
            await qc.invalidateQueries({ queryKey: applicationsKey });
            qc.removeQueries({ queryKey: applicationKey(detail.id) });
            navigate('/applicant/applications', { replace: true });
          } else await reload();
        } catch (err) {
          modal.error({ title: `${texts.ok}失败`, content: errorMessage(err) });
          if (err instanceof ApiError && err.status === 409) await reload();
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const openVersion = async (n: number) => {
    setBusy(`v${n}`);
    try {
      setViewing(await applicationsApi.version(detail.id, n));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const withdraw = can('withdraw');
  const reopen = can('reopen_draft');
  const del = can('delete_draft');

  return (
    <>
      <PageHeader
        title={(editable && liveName !== null ? liveName : detail.name) || '未命名申报书'}
        subtitle={
          <Space wrap size={[12, 4]}>
            <StateBadge state={detail.state} label={detail.stateLabel} />
            <span>{detail.campaignYear}年度</span>
            {detail.applicationNo && <span>申报编号：{detail.applicationNo}</span>}
            <span>推荐单位：{detail.recommender?.name ?? '未选择'}</span>
            {detail.submittedAt && <span>提交时间：{formatBeijing(detail.submittedAt)}</span>}
            {isRefetching && <Spin size="small" />}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/applicant/applications">返回列表</Link>
            {withdraw && (
              <Button icon={<RollbackOutlined />} disabled={!withdraw.allowed} title={withdraw.reason} loading={busy === 'withdraw'} onClick={() => transition('withdraw')}>
                撤回申报
              </Button>
            )}
            {reopen && (
              <Button type="primary" icon={<EditOutlined />} disabled={!reopen.allowed} title={reopen.reason} loading={busy === 'reopen'} onClick={() => transition('reopen')}>
                重新编辑
              </Button>
            )}
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              版本记录{detail.versions.length ? `（${detail.versions.length}）` : ''}
            </Button>
            <Button icon={<FileWordOutlined />} href={exportUrl(detail.id, 'docx')} download>
              导出 Word
            </Button>
            <Button icon={<FilePdfOutlined />} href={exportUrl(detail.id, 'pdf')} download>
              导出 PDF
            </Button>
            {del && (
              <Button danger icon={<DeleteOutlined />} disabled={!del.allowed} title={del.reason} loading={busy === 'delete'} onClick={() => transition('delete')}>
                删除草稿
              </Button>
            )}
          </Space>
        }
      />

      {detail.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="returned-banner"
          title="推荐单位已退回补正，请修改后重新提交"
          description={
            <>
              {detail.lastReason && <div>退回原因：{detail.lastReason}</div>}
              {detail.reviewComments.length > 0 && (
                <div style={{ marginTop: 4 }}>
                  逐项意见 {detail.reviewComments.length} 条，已标注在对应栏目旁：
                  <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                    {detail.reviewComments.map((c) => (
                      <li key={c.path}>
                        <strong>{c.label}</strong>：{c.comment}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          }
        />
      )}
      {(detail.state === 'not_recommended' || detail.state === 'rejected') && detail.lastReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${detail.state === 'rejected' ? '未立项' : '不予推荐'}原因：${detail.lastReason}`} />
      )}
      {detail.projectNo && <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="project-no-banner" title={`已立项，立项编号：${detail.projectNo}`} />}
      {editable && !detail.window.open && detail.window.message && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={detail.window.message} description="草稿仍可保存，但在申报期限外不能提交。" />}

      {editable ? (
        <ApplicationEditor key={`${detail.id}:${detail.state}`} detail={detail} campaign={campaign} recommenders={recs?.items ?? []} onStateChanged={() => void reload()} onNameChange={setLiveName} />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="next-step"
            title={`当前状态：${detail.stateLabel}`}
            description={NEXT_STEP[detail.state] ?? '申报书当前不可编辑。'}
          />
          <div className="gg-app-panel">
            <ApplicationFormView form={masked(detail.form)} vetoTexts={vetoTexts} comments={comments} attachments={<AttachmentLinks form={detail.form} />} />
          </div>
        </>
      )}

      <Drawer title="版本记录" open={historyOpen} onClose={() => setHistoryOpen(false)} size="default">
        <p className="gg-muted">每次提交推荐单位审核时保存一个版本，可随时查看（只读）。</p>
        <List
          dataSource={[...detail.versions].reverse()}
          locale={{ emptyText: '尚未提交过，暂无历史版本' }}
          renderItem={(v) => (
            <List.Item
              actions={[
                <Button key="view" size="small" loading={busy === `v${v.versionNo}`} onClick={() => void openVersion(v.versionNo)} aria-label={`查看第${v.versionNo}版`}>
                  查看
                </Button>,
              ]}
            >
              <List.Item.Meta title={`第 ${v.versionNo} 版`} description={`${formatBeijing(v.submittedAt, 'seconds')} 提交${v.submittedBy ? ` · ${v.submittedBy}` : ''}`} />
            </List.Item>
          )}
        />
      </Drawer>
      <Modal open={!!viewing} width={1000} title={viewing ? `第 ${viewing.versionNo} 版申报书（${formatBeijing(viewing.submittedAt, 'seconds')} 提交，只读）` : ''} footer={<Button onClick={() => setViewing(null)}>关闭</Button>} onCancel={() => setViewing(null)}>
        {viewing && (
          <>
            <Descriptions size="small" items={[{ key: 'v', label: '版本', children: `第 ${viewing.versionNo} 版` }]} style={{ marginBottom: 12 }} />
            <ApplicationFormView form={masked(viewing.form)} vetoTexts={vetoTexts} attachments={<AttachmentLinks form={viewing.form} />} />
          </>
        )}
      </Modal>
    </>
  );
}
