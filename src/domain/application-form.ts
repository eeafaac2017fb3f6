/**
 * The 申报书 (attachment 5) as data. The official form was not found (rules-from-attachments.md,
 * attachment 5): the sections below are INFERRED from the seed, the 2023 notice and the CAQ analog.
 * A draft may hold any subset of it; `submitIssues` (domain) decides what a submit needs.
 */
import { z } from 'zod';
import { calendarDate } from './dates';
import { DIRECTIONS, UNIT_NATURES, type Direction, type UnitNature } from './vocabularies';

export { DIRECTIONS, UNIT_NATURES, type Direction, type UnitNature };
export const DIRECTION_LABELS: Record<Direction, string> = {
  common: '质量共性技术攻关',
  precise: '质量精准提升攻关',
};

/** 预期成效类别 — the four benefit areas of 申报条件（二）. */
export const BENEFIT_AREAS = ['efficiency', 'energy', 'service', 'innovation'] as const;
export type BenefitArea = (typeof BENEFIT_AREAS)[number];
export const BENEFIT_AREA_LABELS: Record<BenefitArea, string> = {
  efficiency: '提质增效',
  energy: '节能降耗',
  service: '优化服务',
  innovation: '自主创新',
};

export const UNIT_NATURE_LABELS: Record<UnitNature, string> = {
  enterprise: '企业',
  institution: '事业单位',
  industry_org: '行业质量管理专业组织',
};

export const PARTNER_TYPES = ['chain_leader', 'chain_firm', 'university', 'institute', 'quality_org', 'association'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  chain_leader: '链主企业',
  chain_firm: '链上企业',
  university: '高校',
  institute: '科研院所',
  quality_org: '质量技术机构',
  association: '行业协会',
};

export const INFRASTRUCTURE_KINDS = ['metrology', 'standards', 'testing', 'certification'] as const;
export type InfrastructureKind = (typeof INFRASTRUCTURE_KINDS)[number];
export const INFRASTRUCTURE_LABELS: Record<InfrastructureKind, string> = {
  metrology: '计量',
  standards: '标准',
  testing: '检验检测',
  certification: '认证认可',
};

export const STANDARD_LEVELS = ['national', 'industry', 'local', 'group', 'enterprise'] as const;
export const STANDARD_LEVEL_LABELS: Record<(typeof STANDARD_LEVELS)[number], string> = {
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
  enterprise: '企业标准',
};

export const ATTACHMENT_KINDS = ['business_licence', 'commitment_scan', 'ip_certificate', 'standard', 'test_report', 'org_recognition', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  business_licence: '营业执照（或法人登记证书）',
  commitment_scan: '申报单位承诺书（盖章扫描件）',
  ip_certificate: '知识产权证明',
  standard: '标准文本',
  test_report: '检测报告',
  org_recognition: '行业主管部门认可证明',
  other: '其他材料',
};

const text = (max: number) => z.string().max(max);
const dateStr = calendarDate();

export const personSchema = z.object({
  name: text(50).optional(),
  position: text(50).optional(),
  title: text(50).optional(),
  phone: text(30).optional(),
  email: text(100).optional(),
});

export const goalSchema = z.object({
  indicator: text(100),
  unit: text(20).optional(),
  baseline: text(50).optional(),
  target: text(50).optional(),
});

export const milestoneSchema = z.object({
  date: dateStr.optional().or(z.literal('')),
  title: text(200),
  deliverable: text(500).optional(),
});

export const teamMemberSchema = z.object({
  name: text(50),
  unit: text(100).optional(),
  title: text(50).optional(),
  role: text(100).optional(),
  /** ID numbers are optional and masked whenever shown (issue 4). */
  idNumber: text(18).optional(),
});

export const partnerSchema = z.object({
  name: text(100),
  uscc: text(30).optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  region: text(50).optional(),
  role: text(200).optional(),
});

export const attachmentRefSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  fileId: z.string().uuid(),
  fileName: text(255),
  size: z.number().int().nonnegative().optional(),
});

export const applicationFormSchema = z.object({
  unit: z
    .object({
      name: text(100).optional(),
      uscc: text(30).optional(),
      address: text(200).optional(),
      district: text(20).optional(),
      nature: z.enum(UNIT_NATURES).optional(),
      industry: text(100).optional(),
      employees: z.number().int().min(0).max(10_000_000).optional(),
      lastYearRevenue: z.number().min(0).max(1e9).optional(),
      qualityHead: personSchema.optional(),
      projectLead: personSchema.optional(),
      contact: personSchema.optional(),
    })
    .default({}),
  project: z
    .object({
      name: text(100).optional(),
      direction: z.enum(DIRECTIONS).optional(),
      targets: z.array(text(50)).max(20).optional(),
      chain: text(50).optional(),
      chainOther: text(100).optional(),
      benefitAreas: z.array(z.enum(BENEFIT_AREAS)).max(4).optional(),
      startDate: dateStr.optional(),
      endDate: dateStr.optional(),
    })
    .default({}),
  content: z
    .object({
      background: text(5000).optional(),
      goals: z.array(goalSchema).max(30).optional(),
      technicalRoute: text(5000).optional(),
      qualityMethods: z.array(text(50)).max(30).optional(),
      pdca: z
        .object({ plan: text(3000).optional(), do: text(3000).optional(), check: text(3000).optional(), act: text(3000).optional() })
        .optional(),
      milestones: z.array(milestoneSchema).max(50).optional(),
    })
    .default({}),
  team: z.array(teamMemberSchema).max(50).default([]),
  consortium: z.array(partnerSchema).max(50).default([]),
  benefits: z
    .object({
      economic: z.number().min(0).max(1e8).optional(),
      economicNote: text(2000).optional(),
      social: text(2000).optional(),
      byArea: z.record(z.string(), text(1000)).optional(),
    })
    .default({}),
  basis: z
    .object({
      patents: z.array(z.object({ title: text(200), number: text(50).optional() })).max(100).optional(),
      softwareCopyrights: z.array(z.object({ title: text(200), number: text(50).optional() })).max(100).optional(),
      appraisals: z.array(z.object({ title: text(200), organ: text(100).optional(), date: text(20).optional() })).max(50).optional(),
      standards: z
        .array(z.object({ level: z.enum(STANDARD_LEVELS), code: text(50).optional(), title: text(200) }))
        .max(100)
        .optional(),
    })
    .default({}),
  infrastructure: z.array(z.enum(INFRASTRUCTURE_KINDS)).max(4).default([]),
  infrastructureNote: text(2000).optional(),
  commitment: z
    .object({ agreed: z.boolean().optional(), signer: text(50).optional(), date: dateStr.optional() })
    .default({}),
  /** Applicant veto checklist (campaign data): item id → declared true ("没有发生"). */
  vetoDeclarations: z.record(z.string(), z.boolean()).default({}),
  attachments: z.array(attachmentRefSchema).max(50).default([]),
  /** The applicant's explanation when the duplicate check flags its application. */
  duplicateExplanation: text(2000).optional(),
});

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type ApplicationFormInput = z.input<typeof applicationFormSchema>;

export function emptyApplicationForm(): ApplicationForm {
  return applicationFormSchema.parse({});
}

/** Chinese labels for every field path, so errors can name the field (path segments joined by '.'; array indices as '*'). */
export const APPLICATION_FIELD_LABELS: Record<string, string> = {
  'unit.name': '单位名称',
  'unit.uscc': '统一社会信用代码',
  'unit.address': '注册地址',
  'unit.district': '所属区',
  'unit.nature': '单位性质',
  'unit.industry': '所属行业',
  'unit.employees': '员工人数',
  'unit.lastYearRevenue': '上年营业收入（万元）',
  'unit.qualityHead.name': '质量负责人姓名',
  'unit.qualityHead.title': '质量负责人职务/职称',
  'unit.qualityHead.phone': '质量负责人电话',
  'unit.projectLead.name': '项目负责人姓名',
  'unit.projectLead.position': '项目负责人职务',
  'unit.projectLead.title': '项目负责人职称',
  'unit.projectLead.phone': '项目负责人电话',
  'unit.projectLead.email': '项目负责人电子邮箱',
  'unit.contact.name': '联系人姓名',
  'unit.contact.phone': '联系人电话',
  'unit.contact.email': '联系人电子邮箱',
  'project.name': '项目名称',
  'project.direction': '申报方向',
  'project.targets': '攻关目标类别',
  'project.chain': '所属重点产业链',
  'project.chainOther': '其他产业链/领域说明',
  'project.benefitAreas': '预期成效类别',
  'project.startDate': '项目开始日期',
  'project.endDate': '项目计划完成日期',
  'content.background': '立项背景与质量问题描述',
  'content.goals': '攻关目标与量化指标',
  'content.goals.*.indicator': '指标名称',
  'content.goals.*.unit': '指标单位',
  'content.goals.*.baseline': '现状值',
  'content.goals.*.target': '目标值',
  'content.technicalRoute': '技术路线与实施方案',
  'content.qualityMethods': '拟运用的质量管理工具与方法',
  'content.pdca': 'PDCA 实施计划',
  'content.pdca.plan': '计划（P）',
  'content.pdca.do': '执行（D）',
  'content.pdca.check': '检查（C）',
  'content.pdca.act': '处理（A）',
  'content.milestones': '进度安排（里程碑）',
  'content.milestones.*.date': '里程碑日期',
  'content.milestones.*.title': '里程碑内容',
  'content.milestones.*.deliverable': '里程碑成果',
  team: '项目组成员',
  'team.*.name': '成员姓名',
  'team.*.unit': '成员单位',
  'team.*.title': '成员职称',
  'team.*.role': '项目分工',
  'team.*.idNumber': '身份证号',
  consortium: '联合体成员单位',
  'consortium.*.name': '联合单位名称',
  'consortium.*.uscc': '联合单位统一社会信用代码',
  'consortium.*.type': '联合单位类型',
  'consortium.*.region': '联合单位所在地区',
  'consortium.*.role': '联合单位分工',
  'benefits.economic': '预期经济效益（万元）',
  'benefits.economicNote': '经济效益测算说明',
  'benefits.social': '预期社会效益',
  'benefits.byArea': '各成效类别的预期成效',
  'basis.patents': '专利',
  'basis.softwareCopyrights': '软件著作权',
  'basis.appraisals': '科技成果鉴定',
  'basis.standards': '标准',
  infrastructure: '运用的质量基础设施',
  infrastructureNote: '质量基础设施支撑说明',
  'commitment.agreed': '申报单位承诺',
  'commitment.signer': '承诺人',
  'commitment.date': '承诺日期',
  vetoDeclarations: '否决事项声明',
  attachments: '附件材料',
  duplicateExplanation: '雷同情况说明',
};

/** Label for a concrete path such as `content.goals.2.target` → "攻关目标与量化指标第3行：目标值". */
export function fieldLabel(path: string): string {
  const direct = APPLICATION_FIELD_LABELS[path];
  if (direct) return direct;
  const m = /^(.*?)\.(\d+)\.(.+)$/.exec(path);
  if (m) {
    const [, list, idx, rest] = m;
    const listLabel = APPLICATION_FIELD_LABELS[list] ?? list;
    const itemLabel = APPLICATION_FIELD_LABELS[`${list}.*.${rest}`] ?? rest;
    return `${listLabel}第${Number(idx) + 1}行：${itemLabel}`;
  }
  const parent = path.split('.').slice(0, -1).join('.');
  return parent ? fieldLabel(parent) : path;
}
