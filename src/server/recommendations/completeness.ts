/**
 * 材料完整性 — the checklist a recommender works through before recommending (seed 四（一）:
 * 推荐单位…审核申报材料的完整性). Derived from the 申报书 and its attachments; pure.
 * Rules for the items are INFERRED from the application form (attachment 5 was not found).
 */
import type { ApplicationForm } from '../../domain/application-form';
import type { CampaignConfig } from '../../domain/campaign-config';
import { COMPLETENESS_LABELS, type CompletenessItem, type CompletenessKey } from '../../shared/recommendations';

export interface CompletenessInput {
  form: ApplicationForm;
  /** `enterprise` | `institution` | `industry_org` (organisations.subtype of the applicant). */
  applicantKind: string | null;
  config: Pick<CampaignConfig, 'earliestStartDate' | 'vetoChecklist'>;
  duplicateFlag: boolean;
  /** Ids of attachment files that exist and belong to the applicant. */
  availableFileIds: Set<string>;
}

const filled = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

export function completenessChecklist(input: CompletenessInput): CompletenessItem[] {
  const { form, config } = input;
  const u = form.unit ?? {};
  const p = form.project ?? {};
  const c = form.content ?? {};
  const items: CompletenessItem[] = [];
  const add = (key: CompletenessKey, missing: string[]) =>
    items.push(missing.length ? { key, label: COMPLETENESS_LABELS[key], ok: false, detail: `缺少：${missing.join('、')}` } : { key, label: COMPLETENESS_LABELS[key], ok: true });

  add('unit_basic', [!filled(u.name) && '单位名称', !filled(u.uscc) && '统一社会信用代码', !filled(u.district) && '所属区', !u.nature && '单位性质'].filter(Boolean) as string[]);
  add('project_lead', [!filled(u.projectLead?.name) && '项目负责人姓名', !filled(u.projectLead?.phone) && '项目负责人电话'].filter(Boolean) as string[]);
  add(
    'project_basic',
    [
      !filled(p.name) && '项目名称',
      !p.direction && '申报方向',
      !filled(p.chain) && '所属重点产业链',
      p.chain === '其他' && !filled(p.chainOther) && '其他产业链/领域说明',
      !(p.benefitAreas && p.benefitAreas.length) && '预期成效类别',
    ].filter(Boolean) as string[],
  );

  const dates: string[] = [];
  if (!p.startDate) dates.push('项目开始日期');
  else if (p.startDate < config.earliestStartDate) dates.push(`项目开始日期不早于${config.earliestStartDate}`);
  if (!p.endDate) dates.push('项目计划完成日期');
  else if (p.startDate && p.endDate < p.startDate) dates.push('项目计划完成日期应晚于开始日期');
  add('project_dates', dates);

  const pdca = c.pdca ?? {};
  add(
    'content',
    [
      !filled(c.background) && '立项背景与质量问题描述',
      !(c.goals && c.goals.some((g) => filled(g.indicator) && filled(g.target))) && '攻关目标与量化指标（含目标值）',
      !filled(c.technicalRoute) && '技术路线与实施方案',
      !(filled(pdca.plan) && filled(pdca.do) && filled(pdca.check) && filled(pdca.act)) && 'PDCA 实施计划（计划、执行、检查、处理）',
    ].filter(Boolean) as string[],
  );
  add('team', (form.team ?? []).some((m) => filled(m.name)) ? [] : ['项目组成员']);
  if (p.direction === 'common') {
    const members = form.consortium ?? [];
    add(
      'consortium',
      [members.length < 2 && '至少2家联合体成员单位', !members.some((m) => m.type === 'chain_leader') && '链主企业（牵头单位）'].filter(Boolean) as string[],
    );
  }
  add('commitment', form.commitment?.agreed ? [] : ['申报单位承诺（真实性、不抄袭、不雷同、不违反保密规定）']);
  const veto = form.vetoDeclarations ?? {};
  add(
    'veto',
    config.vetoChecklist.filter((v) => veto[v.id] !== true).map((v) => v.text),
  );

  const attachment = (kind: string) => (form.attachments ?? []).filter((a) => a.kind === kind);
  const attachmentItem = (key: CompletenessKey, kind: string, label: string) => {
    const list = attachment(kind);
    if (list.length === 0) return add(key, [label]);
    if (!list.some((a) => input.availableFileIds.has(a.fileId))) return add(key, [`${label}（文件无法读取，请申报单位重新上传）`]);
    add(key, []);
  };
  attachmentItem('business_licence', 'business_licence', '营业执照（或法人登记证书）');
  attachmentItem('commitment_scan', 'commitment_scan', '承诺书盖章扫描件');
  if (input.applicantKind === 'industry_org') attachmentItem('org_recognition', 'org_recognition', '行业主管部门认可证明');
  if (input.duplicateFlag) add('duplicate_explanation', filled(form.duplicateExplanation) ? [] : ['雷同情况说明（查重提示与历年成果或同年申报相似）']);
  return items;
}

export function missingItems(items: CompletenessItem[]): string[] {
  return items.filter((i) => !i.ok).map((i) => `${i.label}${i.detail ? `（${i.detail}）` : ''}`);
}
