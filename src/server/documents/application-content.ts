/**
 * The content of the 申报书 (attachment 5) as a renderer-neutral block list, so the Word and the
 * PDF versions always say the same thing. The section layout is INFERRED (the official form was
 * not found, see ../shared/spec/rules-from-attachments.md, attachment 5).
 */
import type { ApplicationForm } from '../../domain/application-form';
import { BENEFIT_AREAS, INFRASTRUCTURE_KINDS } from '../../domain/application-form';
import {
  BLANK_DATE,
  BOX_CHECKED,
  BOX_UNCHECKED,
  cnOrdinal,
  formatDateCn,
  formatDateRangeCn,
  formatDateUpper,
  formatFileSize,
  formatNumber,
  maskIdNumber,
  resolveLabels,
  type DocumentLabelOverrides,
  type DocumentLabels,
} from './format';

export type Align = 'left' | 'center' | 'right';

export interface DocCell {
  text: string;
  colSpan?: number;
  align?: Align;
  bold?: boolean;
  /** Label cell (grey background). */
  shade?: boolean;
}

export interface DocTable {
  kind: 'table';
  columns: { header: string; width: number; align?: Align }[];
  rows: { cells: DocCell[]; minLines?: number }[];
  showHeader: boolean;
  /** Smaller type (9 pt / 小五) for dense tables. */
  small?: boolean;
}

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: Align; bold?: boolean }
  | DocTable
  | { kind: 'box'; lines: { text: string; align?: Align; indent?: boolean; bold?: boolean }[]; minLines?: number }
  | { kind: 'pageBreak' };

export interface ApplicationDocInput {
  form: ApplicationForm;
  campaignYear: number;
  recommenderName?: string;
  /** 编号, assigned by the commission; blank on the applicant's copy. */
  applicationNo?: string;
  /** 填报日期 (YYYY-MM-DD or ISO timestamp). */
  submittedAt?: string;
  labels?: DocumentLabelOverrides;
}

export interface ApplicationCover {
  title: string;
  yearLine: string;
  number: string;
  numberNote: string;
  fields: { label: string; value: string }[];
  issuer: string;
  issuerDate: string;
}

export interface ApplicationDocModel {
  title: string;
  projectName: string;
  cover: ApplicationCover;
  body: DocBlock[];
}

export const APPLICATION_TITLE = '天津市质量攻关项目申报书';
export const COMMITMENT_TEXT = '本单位承诺申报材料真实、准确，不存在抄袭，不与历年项目雷同，不违反保密规定。';
export const NO_APPLICABLE = '无';

const label = (l: DocumentLabels, path: string) => l.fields[path] ?? path;
const lbl = (text: string): DocCell => ({ text, shade: true, align: 'center' });
const val = (text: string | number | undefined, colSpan?: number): DocCell => ({ text: text === undefined ? '' : String(text), colSpan });

function paragraphs(text: string | undefined): DocBlock[] {
  const parts = (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return [{ kind: 'paragraph', text: NO_APPLICABLE, indent: true }];
  return parts.map((p) => ({ kind: 'paragraph', text: p, indent: true }));
}

function checkboxes<K extends string>(all: readonly K[], chosen: readonly K[] | undefined, labels: Record<K, string>): string {
  const set = new Set(chosen ?? []);
  return all.map((k) => `${set.has(k) ? BOX_CHECKED : BOX_UNCHECKED}${labels[k]}`).join('  ');
}

function listTable(columns: DocTable['columns'], rows: string[][]): DocBlock {
  if (rows.length === 0) return { kind: 'paragraph', text: NO_APPLICABLE, indent: true };
  return {
    kind: 'table',
    showHeader: true,
    columns,
    rows: rows.map((r) => ({ cells: r.map((t, i) => ({ text: t, align: columns[i]?.align })) })),
  };
}

/** Builds the 申报书 content. ID numbers are masked here, so no renderer can leak them. */
export function buildApplicationDocument(input: ApplicationDocInput): ApplicationDocModel {
  const { form, campaignYear } = input;
  const L = resolveLabels(input.labels);
  const u = form.unit ?? {};
  const p = form.project ?? {};
  const c = form.content ?? {};
  const isCommon = p.direction === 'common';
  const directionText = p.direction ? L.directions[p.direction] : '';
  const chainText = p.chain === '其他' && p.chainOther ? `其他（${p.chainOther}）` : p.chain ?? p.chainOther ?? '';

  const cover: ApplicationCover = {
    title: APPLICATION_TITLE,
    yearLine: `（${campaignYear}年度）`,
    number: input.applicationNo ?? '',
    numberNote: '（由市市场监管委填写）',
    fields: [
      { label: '项目名称', value: p.name ?? '' },
      { label: '申报单位（盖章）', value: u.name ?? '' },
      { label: '推荐单位', value: input.recommenderName ?? '' },
      { label: '申报方向', value: directionText },
      { label: '填报日期', value: input.submittedAt ? formatDateCn(input.submittedAt) : BLANK_DATE.trim() },
    ],
    issuer: '天津市市场监督管理委员会制',
    issuerDate: formatDateUpper(`${campaignYear}-01-01`).replace(/年.*$/, '年'),
  };

  const body: DocBlock[] = [];
  const h1 = (text: string) => body.push({ kind: 'heading', level: 1, text });
  const h2 = (n: number, text: string) => body.push({ kind: 'heading', level: 2, text: `${cnOrdinal(n)}${text}` });

  // 一、申报单位基本情况
  h1('一、申报单位基本情况');
  const fourCols: DocTable['columns'] = [
    { header: '', width: 23 },
    { header: '', width: 27 },
    { header: '', width: 23 },
    { header: '', width: 27 },
  ];
  body.push({
    kind: 'table',
    showHeader: false,
    columns: fourCols,
    rows: [
      { cells: [lbl(label(L, 'unit.name')), val(u.name, 3)] },
      { cells: [lbl(label(L, 'unit.uscc')), val(u.uscc), lbl(label(L, 'unit.nature')), val(u.nature ? L.unitNatures[u.nature] : '')] },
      { cells: [lbl(label(L, 'unit.address')), val(u.address, 3)] },
      { cells: [lbl(label(L, 'unit.district')), val(u.district), lbl(label(L, 'unit.industry')), val(u.industry)] },
      {
        cells: [
          lbl(label(L, 'unit.employees')),
          val(u.employees === undefined ? '' : `${u.employees}人`),
          lbl(label(L, 'unit.lastYearRevenue')),
          val(formatNumber(u.lastYearRevenue)),
        ],
      },
    ],
  });
  const person = (role: string, x: ApplicationForm['unit']['contact']) => [role, x?.name ?? '', x?.position ?? '', x?.title ?? '', x?.phone ?? '', x?.email ?? ''];
  body.push({
    kind: 'table',
    showHeader: true,
    small: true,
    columns: [
      { header: '人员', width: 13, align: 'center' },
      { header: '姓名', width: 10, align: 'center' },
      { header: '职务', width: 17, align: 'center' },
      { header: '职称', width: 14, align: 'center' },
      { header: '联系电话', width: 18, align: 'center' },
      { header: '电子邮箱', width: 28 },
    ],
    rows: [person('质量负责人', u.qualityHead), person('项目负责人', u.projectLead), person('联系人', u.contact)].map((r) => ({
      cells: r.map((t, i) => (i === 0 ? lbl(t) : { text: t, align: i < 5 ? ('center' as const) : undefined })),
    })),
  });

  // 二、项目基本情况
  h1('二、项目基本情况');
  body.push({
    kind: 'table',
    showHeader: false,
    columns: fourCols,
    rows: [
      { cells: [lbl(label(L, 'project.name')), val(p.name, 3)] },
      { cells: [lbl(label(L, 'project.direction')), val(directionText), lbl(label(L, 'project.chain')), val(chainText)] },
      { cells: [lbl(label(L, 'project.targets')), val((p.targets ?? []).join('、'), 3)] },
      { cells: [lbl(label(L, 'project.benefitAreas')), val(checkboxes(BENEFIT_AREAS, p.benefitAreas, L.benefitAreas), 3)] },
      { cells: [lbl('项目起止时间'), val(formatDateRangeCn(p.startDate, p.endDate), 3)] },
    ],
  });

  // 三、项目内容
  h1('三、项目内容');
  h2(1, label(L, 'content.background'));
  body.push(...paragraphs(c.background));
  h2(2, label(L, 'content.goals'));
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: label(L, 'content.goals.*.indicator'), width: 40 },
        { header: label(L, 'content.goals.*.unit'), width: 14, align: 'center' },
        { header: label(L, 'content.goals.*.baseline'), width: 19, align: 'center' },
        { header: label(L, 'content.goals.*.target'), width: 19, align: 'center' },
      ],
      (c.goals ?? []).map((g, i) => [String(i + 1), g.indicator, g.unit ?? '', g.baseline ?? '', g.target ?? '']),
    ),
  );
  h2(3, label(L, 'content.technicalRoute'));
  body.push(...paragraphs(c.technicalRoute));
  h2(4, label(L, 'content.qualityMethods'));
  body.push({ kind: 'paragraph', text: (c.qualityMethods ?? []).join('、') || NO_APPLICABLE, indent: true });
  h2(5, label(L, 'content.pdca'));
  const pdca = c.pdca ?? {};
  body.push({
    kind: 'table',
    showHeader: true,
    columns: [
      { header: '阶段', width: 16, align: 'center' },
      { header: '主要内容', width: 84 },
    ],
    rows: (['plan', 'do', 'check', 'act'] as const).map((k) => ({
      cells: [lbl(label(L, `content.pdca.${k}`)), val(pdca[k] ?? '')],
      minLines: 2,
    })),
  });
  h2(6, label(L, 'content.milestones'));
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '完成时间', width: 18, align: 'center' },
        { header: label(L, 'content.milestones.*.title'), width: 40 },
        { header: label(L, 'content.milestones.*.deliverable'), width: 34 },
      ],
      (c.milestones ?? []).map((m, i) => [String(i + 1), formatDateCn(m.date), m.title, m.deliverable ?? '']),
    ),
  );

  // 四、项目组成员
  h1(`四、${label(L, 'team')}`);
  body.push(
    listTable(
      [
        { header: '序号', width: 7, align: 'center' },
        { header: '姓名', width: 11, align: 'center' },
        { header: '工作单位', width: 26 },
        { header: '职称', width: 13, align: 'center' },
        { header: label(L, 'team.*.role'), width: 23 },
        { header: label(L, 'team.*.idNumber'), width: 20, align: 'center' },
      ],
      (form.team ?? []).map((m, i) => [String(i + 1), m.name, m.unit ?? '', m.title ?? '', m.role ?? '', maskIdNumber(m.idNumber)]),
    ),
  );
  body.push({ kind: 'paragraph', text: '注：身份证号仅显示前4位和后4位。' });

  // 五、联合体成员
  h1('五、联合体成员（质量技术创新联合体）');
  if (!isCommon && (form.consortium ?? []).length === 0) {
    body.push({ kind: 'paragraph', text: '本项目为质量精准提升攻关项目，不适用。', indent: true });
  } else {
    body.push(
      listTable(
        [
          { header: '序号', width: 7, align: 'center' },
          { header: label(L, 'consortium.*.name'), width: 27 },
          { header: '统一社会信用代码', width: 22, align: 'center' },
          { header: '单位类型', width: 12, align: 'center' },
          { header: '所在地区', width: 14, align: 'center' },
          { header: '分工', width: 18 },
        ],
        (form.consortium ?? []).map((m, i) => [String(i + 1), m.name, m.uscc ?? '', m.type ? L.partnerTypes[m.type] : '', m.region ?? '', m.role ?? '']),
      ),
    );
  }

  // 六、预期效益
  h1('六、预期效益');
  const b = form.benefits ?? {};
  const benefitRows: { cells: DocCell[]; minLines?: number }[] = [
    { cells: [lbl(label(L, 'benefits.economic')), val(formatNumber(b.economic))] },
    { cells: [lbl(label(L, 'benefits.economicNote')), val(b.economicNote)] },
    { cells: [lbl(label(L, 'benefits.social')), val(b.social)] },
  ];
  for (const area of BENEFIT_AREAS) {
    const t = b.byArea?.[area];
    if (t) benefitRows.push({ cells: [lbl(`${L.benefitAreas[area]}预期成效`), val(t)] });
  }
  body.push({ kind: 'table', showHeader: false, columns: [{ header: '', width: 26 }, { header: '', width: 74 }], rows: benefitRows });

  // 七、已有基础
  h1('七、已有基础');
  const basis = form.basis ?? {};
  h2(1, '知识产权（专利、软件著作权）');
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '类别', width: 14, align: 'center' },
        { header: '名称', width: 50 },
        { header: '专利号/登记号', width: 28, align: 'center' },
      ],
      [
        ...(basis.patents ?? []).map((x) => ['专利', x.title, x.number ?? '']),
        ...(basis.softwareCopyrights ?? []).map((x) => ['软件著作权', x.title, x.number ?? '']),
      ].map((r, i) => [String(i + 1), ...r]),
    ),
  );
  h2(2, label(L, 'basis.appraisals'));
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '成果名称', width: 44 },
        { header: '鉴定/评价机构', width: 30 },
        { header: '日期', width: 18, align: 'center' },
      ],
      (basis.appraisals ?? []).map((x, i) => [String(i + 1), x.title, x.organ ?? '', formatDateCn(x.date)]),
    ),
  );
  h2(3, label(L, 'basis.standards'));
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '级别', width: 14, align: 'center' },
        { header: '标准编号', width: 26, align: 'center' },
        { header: '标准名称', width: 52 },
      ],
      (basis.standards ?? []).map((x, i) => [String(i + 1), L.standardLevels[x.level] ?? x.level, x.code ?? '', x.title]),
    ),
  );

  // 八、质量基础设施
  h1(`八、${label(L, 'infrastructure')}`);
  body.push({ kind: 'paragraph', text: checkboxes(INFRASTRUCTURE_KINDS, form.infrastructure, L.infrastructure) });
  body.push({ kind: 'paragraph', text: `${label(L, 'infrastructureNote')}：` });
  body.push(...paragraphs(form.infrastructureNote));

  // 九、承诺与意见
  h1('九、承诺与意见');
  h2(1, '申报单位承诺');
  const commitment = form.commitment ?? {};
  const vetoLines = Object.entries(form.vetoDeclarations ?? {}).map(([id, ok]) => ({
    text: `${ok ? BOX_CHECKED : BOX_UNCHECKED}${L.vetoItems[id] ?? id}`,
    indent: true,
  }));
  body.push({
    kind: 'box',
    minLines: 9,
    lines: [
      { text: COMMITMENT_TEXT, indent: true },
      ...(vetoLines.length ? [{ text: '否决事项声明：', indent: true }, ...vetoLines] : []),
      { text: '' },
      { text: `承诺人（签字）：${commitment.signer ?? '              '}`, align: 'right' },
      { text: '申报单位（盖章）', align: 'right' },
      { text: `日期：${commitment.date ? formatDateCn(commitment.date) : BLANK_DATE}`, align: 'right' },
    ],
  });
  h2(2, '推荐单位意见');
  body.push({
    kind: 'box',
    minLines: 10,
    lines: [
      { text: '（推荐单位对申报材料的完整性、真实性进行核实，并填写推荐意见）' },
      { text: '' },
      { text: `推荐单位（盖章）：${input.recommenderName ?? ''}`, align: 'right' },
      { text: `日期：${BLANK_DATE}`, align: 'right' },
    ],
  });
  if (form.duplicateExplanation) {
    h2(3, label(L, 'duplicateExplanation'));
    body.push(...paragraphs(form.duplicateExplanation));
  }

  // 附件清单
  h1('附件清单');
  body.push(
    listTable(
      [
        { header: '序号', width: 8, align: 'center' },
        { header: '材料类别', width: 36 },
        { header: '文件名称', width: 42 },
        { header: '大小', width: 14, align: 'center' },
      ],
      (form.attachments ?? []).map((a, i) => [String(i + 1), L.attachmentKinds[a.kind] ?? a.kind, a.fileName, formatFileSize(a.size)]),
    ),
  );

  return { title: APPLICATION_TITLE, projectName: p.name ?? '', cover, body };
}
