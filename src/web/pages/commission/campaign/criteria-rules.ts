/** Form rules of the 成果评定指标 editor, from the server's schema and the domain's criteriaIssues. */
import type { FormInstance } from 'antd';
import { evaluationCriteriaSchema } from '../../../../domain/campaign-config';
import { criteriaIssues, type EvaluationCriteria } from '../../../../domain/evaluation';

export const CRITERIA_PATH = ['config', 'evaluation'];
const s = evaluationCriteriaSchema.shape;
export const sectionShape = s.sections.element.shape;
export const itemShape = sectionShape.items.element.shape;
export const vetoShape = s.vetoItems.element.shape;
export const bandShape = s.bands.shape;

/** The fields whose rules read other fields (re-checked together on every change). */
export const CROSS_FIELDS = [CRITERIA_PATH, ...['excellent', 'good', 'qualified'].map((b) => [...CRITERIA_PATH, 'bands', b]), ...['groupSize', 'minGroupSize', 'trimFrom'].map((k) => [...CRITERIA_PATH, k]), [...CRITERIA_PATH, 'opinion', 'max']];

/** Problems of the criteria whose path starts with `head` (the whole list when `head` is 'sections'), shown at that field. */
export function issueRule(form: FormInstance, head: string) {
  return {
    validator: async () => {
      const c = form.getFieldValue(CRITERIA_PATH) as EvaluationCriteria | undefined;
      if (!c) return;
      const hit = criteriaIssues(c).find((p) => p.path[0] === head && (head !== 'sections' || p.path.length === 1));
      if (hit) throw new Error(hit.message);
    },
  };
}
