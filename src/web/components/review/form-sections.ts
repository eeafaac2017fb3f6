/**
 * The 申报书 grouped into the sections the review page shows, and the fields a recommender can
 * attach a 逐项意见 to (every labelled path of the form, by its Chinese label).
 */
import { APPLICATION_FIELD_LABELS, fieldLabel } from '../../../domain/application-form';

export interface FormSection {
  key: string;
  title: string;
  /** Path prefixes that belong to the section. */
  prefixes: string[];
}

export const FORM_SECTIONS: FormSection[] = [
  { key: 'unit', title: '一、申报单位基本情况', prefixes: ['unit'] },
  { key: 'project', title: '二、项目基本信息', prefixes: ['project'] },
  { key: 'content', title: '三、攻关内容与实施计划', prefixes: ['content'] },
  { key: 'team', title: '四、项目组成员', prefixes: ['team'] },
  { key: 'consortium', title: '五、联合体成员单位', prefixes: ['consortium'] },
  { key: 'benefits', title: '六、预期效益', prefixes: ['benefits'] },
  { key: 'basis', title: '七、工作基础与质量基础设施', prefixes: ['basis', 'infrastructure', 'infrastructureNote'] },
  { key: 'commitment', title: '八、承诺与否决事项声明', prefixes: ['commitment', 'vetoDeclarations'] },
  { key: 'attachments', title: '九、附件材料', prefixes: ['attachments'] },
  { key: 'duplicate', title: '十、雷同情况说明', prefixes: ['duplicateExplanation'] },
];

export function sectionOf(path: string): FormSection | undefined {
  return FORM_SECTIONS.find((s) => s.prefixes.some((p) => path === p || path.startsWith(p + '.')));
}

/** Options for the 逐项意见 field picker, grouped by section (only concrete paths, no `*` rows). */
export function commentFieldOptions(): { label: string; title: string; options: { value: string; label: string }[] }[] {
  const paths = Object.keys(APPLICATION_FIELD_LABELS).filter((p) => !p.includes('*'));
  return FORM_SECTIONS.map((s) => ({
    label: s.title,
    title: s.title,
    options: paths.filter((p) => sectionOf(p)?.key === s.key).map((p) => ({ value: p, label: fieldLabel(p) })),
  })).filter((g) => g.options.length > 0);
}
