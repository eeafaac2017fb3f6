/**
 * What a 申报书 needs before it can be submitted, and the three 申报条件 (program.md §2) as a
 * checklist. Pure: the server passes in the campaign rules, the organisation's registration data
 * and the duplicate-check result; nothing here reads a database or a clock.
 *
 * Two outputs:
 *  - `submitIssues(form, rules)`: field-level problems, each naming its field in Chinese. Errors
 *    block a submit; warnings are shown but do not block. A draft is never checked on save.
 *  - `eligibilityChecklist(input)`: 申报条件（一）registration/recognition, （二）at least one
 *    benefit area with a measurable expected result, （三）start date and not 雷同 with an earlier
 *    excellent result.
 */
import {
  ATTACHMENT_KIND_LABELS,
  BENEFIT_AREA_LABELS,
  fieldLabel,
  type ApplicationForm,
  type AttachmentKind,
  type BenefitArea,
} from './application-form';
import { isCalendarDate } from './dates';
import { formatIssues } from './application-format';
import { checkProjectName, type NamingRule, type NameViolation } from './project-name';
import { categoryVerdict, natureContradiction, validateUscc, type DeclaredNature } from './uscc';

export type IssueSeverity = 'error' | 'warning';

export interface FieldIssue {
  /** Path into the form, e.g. `content.goals.1.target`, `vetoDeclarations.no-serious-dishonesty`. */
  path: string;
  /** Chinese name of the field (`fieldLabel(path)`). */
  label: string;
  /** Chinese message; always names the field. */
  message: string;
  severity: IssueSeverity;
}

export interface SubmitRules {
  /** Campaign `earliestStartDate` (申报条件（三）: 2024-01-01 in 2026). */
  earliestStartDate: string;
  /** Campaign applicant veto checklist; every item must be declared. */
  vetoChecklist: { id: string; text: string }[];
  /** Allowed 产业链 values: focus chains + livelihood industries (+ '其他' when allowOtherChain). */
  focusChains?: string[];
  livelihoodIndustries?: string[];
  allowOtherChain?: boolean;
  /** Campaign naming rules (附件4 as data). When absent the name is checked only for presence. */
  namingRules?: NamingRule[];
  /** Attachment kinds a submit needs. Default: business licence and the stamped commitment scan. */
  requiredAttachments?: AttachmentKind[];
  /** Attachment file ids that do not exist (or do not belong to the applicant); found by the server. */
  missingFileIds?: string[];
}

export const DEFAULT_REQUIRED_ATTACHMENTS: AttachmentKind[] = ['business_licence', 'commitment_scan'];

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export { isCalendarDate };

/**
 * "Measurable": the expected result states a quantity — a digit, a percentage, or a Chinese
 * numeral with a unit (e.g. "由3.8%降至1.2%", "年节电12万千瓦时", "减少两道工序").
 */
export function isMeasurable(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  if (!t) return false;
  if (/[0-9０-９]/.test(t) || /[%％‰]/.test(t)) return true;
  return /[一二三四五六七八九十两百千万]+(?:个|项|次|倍|成|台|套|件|人|天|日|小时|分钟|万元|元|吨|家|道|条|级|个百分点)/.test(t);
}

function dateText(s: string): string {
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
}

/** The measurable benefit areas: selected areas whose `benefits.byArea` text states a quantity. */
export function measurableBenefitAreas(form: ApplicationForm): BenefitArea[] {
  const selected = form.project?.benefitAreas ?? [];
  const byArea = form.benefits?.byArea ?? {};
  return selected.filter((a) => isMeasurable(byArea[a]));
}

/** Field-level problems of a 申报书 at submit time (errors block, warnings are advice). */
export function submitIssues(form: ApplicationForm, rules: SubmitRules): FieldIssue[] {
  const out: FieldIssue[] = [];
  const add = (path: string, message: string, severity: IssueSeverity = 'error', label = fieldLabel(path)) => out.push({ path, label, message, severity });
  const required = (path: string, value: unknown) => {
    if (blank(value)) add(path, `${fieldLabel(path)}为必填项`);
  };

  const u = form.unit ?? {};
  const p = form.project ?? {};
  const c = form.content ?? {};

  // 一、申报单位基本情况
  required('unit.name', u.name);
  if (blank(u.uscc)) required('unit.uscc', u.uscc);
  else {
    const r = validateUscc(u.uscc!);
    if (!r.valid) add('unit.uscc', `统一社会信用代码有误：${r.errors.map((e) => e.message).join('；')}`);
    else {
      const verdict = categoryVerdict(r.normalized);
      if (!verdict.admitted) add('unit.uscc', verdict.message!);
      else if (u.nature) {
        const contradiction = natureContradiction(r.normalized, u.nature as DeclaredNature);
        if (contradiction) add('unit.nature', contradiction);
      }
    }
  }
  required('unit.address', u.address);
  required('unit.nature', u.nature);
  required('unit.qualityHead.name', u.qualityHead?.name);
  required('unit.projectLead.name', u.projectLead?.name);
  required('unit.projectLead.phone', u.projectLead?.phone);
  required('unit.contact.name', u.contact?.name);
  required('unit.contact.phone', u.contact?.phone);

  // 二、项目基本情况
  if (blank(p.name)) required('project.name', p.name);
  else if (rules.namingRules) {
    for (const v of checkProjectName(p.name!, { rules: rules.namingRules, direction: p.direction, unitName: u.name })) {
      add('project.name', v.suggestion ? `${v.message}（建议：${v.suggestion}）` : v.message, v.severity);
    }
  }
  required('project.direction', p.direction);
  if (!p.targets || p.targets.length === 0) add('project.targets', '攻关目标类别为必填项，请至少选择一项');
  if (blank(p.chain)) required('project.chain', p.chain);
  else {
    const allowed = new Set([...(rules.focusChains ?? []), ...(rules.livelihoodIndustries ?? [])]);
    const isOther = p.chain === '其他';
    if (isOther && rules.allowOtherChain === false) add('project.chain', '本年度不接受重点产业链以外的项目，请选择所属重点产业链');
    else if (!isOther && allowed.size > 0 && !allowed.has(p.chain!)) {
      add('project.chain', `所属重点产业链“${p.chain}”不在本年度产业链清单中，请从清单中选择或选择“其他”并说明`);
    }
    if (isOther) required('project.chainOther', p.chainOther);
  }
  if (!p.benefitAreas || p.benefitAreas.length === 0) add('project.benefitAreas', '预期成效类别为必填项，请至少选择一项（提质增效、节能降耗、优化服务、自主创新）');

  const startOk = isCalendarDate(p.startDate);
  if (blank(p.startDate)) required('project.startDate', p.startDate);
  else if (!startOk) add('project.startDate', '项目开始日期不是有效日期');
  else if (p.startDate! < rules.earliestStartDate) {
    add('project.startDate', `项目开始日期应不早于${dateText(rules.earliestStartDate)}（申报条件：${Number(rules.earliestStartDate.slice(0, 4))}年以来启动实施的项目）`);
  }
  if (blank(p.endDate)) required('project.endDate', p.endDate);
  else if (!isCalendarDate(p.endDate)) add('project.endDate', '项目计划完成日期不是有效日期');
  else if (startOk && p.endDate! <= p.startDate!) add('project.endDate', '项目计划完成日期应晚于项目开始日期');

  // 三、项目内容
  required('content.background', c.background);
  const goals = c.goals ?? [];
  if (goals.length === 0) add('content.goals', '攻关目标与量化指标为必填项，请至少填写一项指标（现状值→目标值）');
  goals.forEach((g, i) => {
    if (blank(g.indicator)) add(`content.goals.${i}.indicator`, `${fieldLabel(`content.goals.${i}.indicator`)}为必填项`);
    if (blank(g.baseline)) add(`content.goals.${i}.baseline`, `${fieldLabel(`content.goals.${i}.baseline`)}为必填项（攻关前的现状值）`);
    if (blank(g.target)) add(`content.goals.${i}.target`, `${fieldLabel(`content.goals.${i}.target`)}为必填项（攻关后的目标值）`);
  });
  required('content.technicalRoute', c.technicalRoute);
  if (!c.qualityMethods || c.qualityMethods.length === 0) add('content.qualityMethods', '拟运用的质量管理工具与方法为必填项，请至少填写一项');
  const pdca = c.pdca ?? {};
  if ([pdca.plan, pdca.do, pdca.check, pdca.act].every(blank)) add('content.pdca', 'PDCA 实施计划尚未填写，建议按计划、执行、检查、处理分别说明', 'warning');
  if (!c.milestones || c.milestones.length === 0) add('content.milestones', '进度安排（里程碑）尚未填写，建议至少列出主要节点', 'warning');

  // 项目组与联合体
  if (!form.team || form.team.length === 0) add('team', '项目组成员为必填项，请至少填写一名成员');
  (form.team ?? []).forEach((m, i) => {
    if (blank(m.name)) add(`team.${i}.name`, `${fieldLabel(`team.${i}.name`)}为必填项`);
    if (m.idNumber && !/^\d{17}[\dXx]$/.test(m.idNumber.trim())) add(`team.${i}.idNumber`, `${fieldLabel(`team.${i}.idNumber`)}格式不正确，应为18位（最后一位可为X）`);
  });
  if (p.direction === 'common') {
    const consortium = form.consortium ?? [];
    const others = consortium.filter((m) => !blank(m.name) && m.name.trim() !== (u.name ?? '').trim());
    if (others.length === 0) {
      add('consortium', '质量共性技术攻关项目须由链主企业牵头组建质量技术创新联合体，请填写联合体成员单位（牵头单位以外至少一家）');
    }
    consortium.forEach((m, i) => {
      if (blank(m.name)) add(`consortium.${i}.name`, `${fieldLabel(`consortium.${i}.name`)}为必填项`);
      if (!m.type) add(`consortium.${i}.type`, `${fieldLabel(`consortium.${i}.type`)}为必填项`);
    });
    if (consortium.length > 0 && !consortium.some((m) => m.type === 'chain_leader')) {
      add('consortium', '联合体成员中没有“链主企业”，共性技术攻关一般由链主企业牵头，请核对成员类型', 'warning');
    }
  }

  // 效益：申报条件（二）至少一个成效类别有可衡量的预期成效
  const selected = p.benefitAreas ?? [];
  const byArea = form.benefits?.byArea ?? {};
  if (selected.length > 0) {
    if (measurableBenefitAreas(form).length === 0) {
      add(
        'benefits.byArea',
        `各成效类别的预期成效：请至少为一个所选类别（${selected.map((a) => BENEFIT_AREA_LABELS[a]).join('、')}）填写可衡量的预期成效（含具体数值，如“不良率由3.8%降至1.2%”）`,
      );
    }
    for (const a of selected) {
      if (blank(byArea[a])) add(`benefits.byArea.${a}`, `尚未填写“${BENEFIT_AREA_LABELS[a]}”的预期成效`, 'warning', `${BENEFIT_AREA_LABELS[a]}的预期成效`);
    }
  }

  // 四、承诺与否决事项
  if (form.commitment?.agreed !== true) add('commitment.agreed', '申报单位承诺为必填项，请阅读并勾选承诺');
  required('commitment.signer', form.commitment?.signer);
  for (const item of rules.vetoChecklist) {
    if (form.vetoDeclarations?.[item.id] !== true) {
      add(`vetoDeclarations.${item.id}`, `否决事项声明：请确认“${item.text}”`, 'error', `否决事项声明：${item.text}`);
    }
  }

  // 附件
  const kinds = new Set((form.attachments ?? []).map((a) => a.kind));
  for (const kind of rules.requiredAttachments ?? DEFAULT_REQUIRED_ATTACHMENTS) {
    if (!kinds.has(kind)) add('attachments', `附件材料：请上传“${ATTACHMENT_KIND_LABELS[kind]}”`);
  }
  const missing = new Set(rules.missingFileIds ?? []);
  (form.attachments ?? []).forEach((a, i) => {
    if (missing.has(a.fileId)) add(`attachments.${i}`, `附件材料第${i + 1}项“${a.fileName}”的文件不存在或不属于本单位，请重新上传`, 'error', '附件材料');
  });

  // Formats (phones, e-mails, credit codes, dates, ID numbers): kept by autosave as warnings, errors here.
  const reported = new Set(out.map((i) => i.path));
  for (const f of formatIssues(form)) if (!reported.has(f.path)) add(f.path, f.message);

  return out;
}

// ---------------------------------------------------------------------------------------------
// 申报条件 checklist

export type EligibilityStatus = 'pass' | 'fail' | 'pending' | 'warning';
export type EligibilityId = 'registration' | 'benefit' | 'start_date' | 'not_duplicate';

export interface EligibilityItem {
  id: EligibilityId;
  /** The condition in Chinese. */
  label: string;
  status: EligibilityStatus;
  /** Why, in Chinese. */
  message: string;
  /** A 'fail' here blocks the submit. */
  blocking: boolean;
}

export interface EligibilityInput {
  organisation: {
    uscc: string | null | undefined;
    /** enterprise | institution | industry_org */
    nature: string | null | undefined;
    /** not_needed | pending | recognised | rejected */
    recognitionStatus: string;
    hasRecognitionEvidence: boolean;
  };
  form: ApplicationForm;
  earliestStartDate: string;
  duplicate: { topScore: number | null; flagThreshold: number; topName?: string };
}

export const ELIGIBILITY_LABELS: Record<EligibilityId, string> = {
  registration: '在天津市行政区域内注册，或为经行业主管部门认可的行业质量管理专业组织',
  benefit: '在提质增效、节能降耗、优化服务、自主创新中至少一个方面有可衡量的预期成效',
  start_date: '项目于规定日期以后启动实施',
  not_duplicate: '不与历年优秀成果项目雷同',
};

export function eligibilityChecklist(input: EligibilityInput): EligibilityItem[] {
  const items: EligibilityItem[] = [];
  const org = input.organisation;

  // （一）注册地或认可
  const uscc = org.uscc ? validateUscc(org.uscc) : null;
  const tianjin = !!uscc?.valid && uscc.tianjin;
  const verdict = uscc?.valid ? categoryVerdict(uscc.normalized) : null;
  const contradiction = uscc?.valid && org.nature ? natureContradiction(uscc.normalized, org.nature as DeclaredNature) : undefined;
  if (verdict && !verdict.admitted) {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'fail', message: verdict.message!, blocking: true });
  } else if (tianjin && contradiction) {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'warning', message: `注册信息中${contradiction}，请推荐单位核实`, blocking: false });
  } else if (tianjin) {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'pass', message: `统一社会信用代码登记机关位于天津市（${uscc!.district ?? uscc!.divisionCode}）`, blocking: true });
  } else if (org.nature === 'industry_org' && org.recognitionStatus === 'recognised') {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'pass', message: '已由推荐单位确认为行业主管部门认可的行业质量管理专业组织', blocking: true });
  } else if (org.nature === 'industry_org' && org.recognitionStatus === 'pending') {
    items.push({
      id: 'registration',
      label: ELIGIBILITY_LABELS.registration,
      status: org.hasRecognitionEvidence ? 'pending' : 'fail',
      message: org.hasRecognitionEvidence
        ? '行业主管部门认可证明已上传，待推荐单位确认'
        : '非天津市注册的行业质量管理专业组织须上传行业主管部门认可证明，经推荐单位确认后方可申报',
      blocking: true,
    });
  } else if (org.nature === 'industry_org' && org.recognitionStatus === 'rejected') {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'fail', message: '推荐单位未确认本单位的行业质量管理专业组织身份，请补充认可证明后重新提交', blocking: true });
  } else {
    items.push({ id: 'registration', label: ELIGIBILITY_LABELS.registration, status: 'fail', message: '统一社会信用代码显示本单位不在天津市注册，不符合申报条件', blocking: true });
  }

  // （二）成效
  const measurable = measurableBenefitAreas(input.form);
  items.push(
    measurable.length > 0
      ? { id: 'benefit', label: ELIGIBILITY_LABELS.benefit, status: 'pass', message: `可衡量的预期成效：${measurable.map((a) => BENEFIT_AREA_LABELS[a]).join('、')}`, blocking: true }
      : { id: 'benefit', label: ELIGIBILITY_LABELS.benefit, status: 'fail', message: '尚无填写了具体数值的预期成效类别', blocking: true },
  );

  // （三）启动时间
  const start = input.form.project?.startDate;
  const startLabel = `项目于${dateText(input.earliestStartDate)}以后启动实施`;
  if (!isCalendarDate(start)) items.push({ id: 'start_date', label: startLabel, status: 'fail', message: '尚未填写有效的项目开始日期', blocking: true });
  else if (start < input.earliestStartDate) items.push({ id: 'start_date', label: startLabel, status: 'fail', message: `项目开始日期${dateText(start)}早于${dateText(input.earliestStartDate)}`, blocking: true });
  else items.push({ id: 'start_date', label: startLabel, status: 'pass', message: `项目开始日期${dateText(start)}`, blocking: true });

  // （三）不雷同 — a flag for the recommender and commission, never an automatic refusal.
  const d = input.duplicate;
  if (d.topScore === null || d.topScore < d.flagThreshold) {
    items.push({ id: 'not_duplicate', label: ELIGIBILITY_LABELS.not_duplicate, status: 'pass', message: d.topScore === null ? '未发现相似项目' : `最高相似度${pct(d.topScore)}，低于提示阈值${pct(d.flagThreshold)}`, blocking: false });
  } else {
    items.push({
      id: 'not_duplicate',
      label: ELIGIBILITY_LABELS.not_duplicate,
      status: 'warning',
      message: `与“${d.topName ?? '已有项目'}”相似度${pct(d.topScore)}，达到提示阈值${pct(d.flagThreshold)}；提交后将标记提示推荐单位和市市场监管委，请在“雷同情况说明”中说明区别`,
      blocking: false,
    });
  }
  return items;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Naming violations of the campaign rules (re-exported for the check answer). */
export function nameCheck(form: ApplicationForm, rules: NamingRule[] | undefined): NameViolation[] {
  const name = form.project?.name ?? '';
  return checkProjectName(name, { rules, direction: form.project?.direction, unitName: form.unit?.name });
}
