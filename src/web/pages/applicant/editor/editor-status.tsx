/** Pieces of the 申报书 editor that are not its state machine: the save indicator, step descriptions, issue merging. */
import { CheckCircleOutlined, CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ApplicationCheck } from '../../../../shared/applications';
import type { RuleIssue } from '../../../../domain/application-format';
import type { Issue } from '../../../components/application/FieldKit';
import { formatBeijing } from '../../../time';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  /** The form has values the schema refuses (shown at the fields): not sent until corrected. */
  | { kind: 'invalid'; count: number }
  | { kind: 'conflict' };

export const STEP_DESCRIPTIONS: Record<string, string> = {
  unit: '申报单位的基本信息及质量负责人、项目负责人、联系人。',
  project: '项目名称须符合《天津市质量攻关项目名称规范指引》；选择申报方向、攻关目标、产业链和预期成效类别。',
  content: '说明质量问题和现状，给出量化的攻关目标、技术路线、PDCA 实施计划和进度安排。',
  team: '项目组主要成员及分工。',
  consortium: '质量共性技术攻关项目须由链主企业牵头组建质量技术创新联合体。',
  benefits: '各成效类别的可衡量预期成效、经济与社会效益，以及已取得的知识产权、成果鉴定和标准。',
  infrastructure: '项目运用的计量、标准、检验检测、认证认可等质量基础设施。',
  attachments: '营业执照和盖章的承诺书扫描件为必传材料。',
  commitment: '申报单位承诺及否决事项逐项确认。',
  check: '提交前由系统检查申报条件、填写完整性、名称规范和雷同情况，检查通过后提交推荐单位审核。',
};

/** Normalise a server field path (`/form/unit/name`, `form.unit.name`) to a form path. */

export function formPath(p: string): string {
  return p.replace(/^\/+/, '').replace(/\//g, '.').replace(/^body\./, '').replace(/^form\./, '');
}

export function issuesFrom(check: ApplicationCheck | null, refused: Record<string, string>, local: RuleIssue[]): Record<string, Issue[]> {
  const out: Record<string, Issue[]> = {};
  const add = (path: string, i: Issue) => {
    if (!(out[path] ?? []).some((x) => x.message === i.message)) out[path] = [...(out[path] ?? []), i];
  };
  // What the shared rules say about the form as typed now (limits, numbers, formats) comes first.
  for (const i of local) add(i.path, { message: i.message, severity: 'error' });
  for (const i of check?.fieldIssues ?? []) add(i.path, { message: i.message, severity: i.severity });
  for (const [p, m] of Object.entries(refused)) for (const part of m.split('；')) add(formPath(p), { message: part, severity: 'error' });
  return out;
}

export function SaveIndicator({ state, dirty, onRetry }: { state: SaveState; dirty: boolean; onRetry(): void }) {
  let body;
  switch (state.kind) {
    case 'saving':
      body = (
        <>
          <CloudSyncOutlined spin aria-hidden /> 正在保存…
        </>
      );
      break;
    case 'saved':
      body = dirty ? (
        <>
          <CloudSyncOutlined aria-hidden /> 有未保存的修改（停止输入 2 秒后自动保存）
        </>
      ) : (
        <>
          <CheckCircleOutlined style={{ color: '#389e0d' }} aria-hidden /> 已自动保存 {formatBeijing(state.at, 'seconds').slice(11)}
        </>
      );
      break;
    case 'invalid':
      body = (
        <span className="gg-app-save-error">
          <WarningOutlined aria-hidden /> 有 {state.count} 处填写不符合要求（见标红的字段），改正后自动保存；已填写的内容暂存在本机浏览器中
        </span>
      );
      break;
    case 'error':
      body = (
        <span className="gg-app-save-error">
          <WarningOutlined aria-hidden /> 保存失败：{state.message}{' '}
          <Button size="small" onClick={onRetry}>
            重试保存
          </Button>
        </span>
      );
      break;
    case 'conflict':
      body = (
        <span className="gg-app-save-error">
          <WarningOutlined aria-hidden /> 该申报书已在其他窗口或设备上修改，请选择保留哪个版本
        </span>
      );
      break;
    default:
      body = dirty ? (
        <>
          <CloudSyncOutlined aria-hidden /> 有未保存的修改（停止输入 2 秒后自动保存）
        </>
      ) : (
        <>所有修改将自动保存</>
      );
  }
  return (
    <div className="gg-app-save" role="status" aria-live="polite" data-testid="save-status">
      {body}
    </div>
  );
}
