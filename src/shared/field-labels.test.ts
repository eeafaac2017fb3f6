import { describe, expect, it } from 'vitest';
import { fieldErrorMessage, labelForPath } from './field-labels';

describe('labelForPath: every field a person sees is named in Chinese', () => {
  it('names the rows of the campaign config lists the way a person counts them', () => {
    expect(labelForPath('config.evaluation.opinion.max')).toBe('评定意见最多字数');
    expect(labelForPath('config.evaluation.opinion.min')).toBe('评定意见最少字数');
    expect(labelForPath('config.evaluation.sections.0.items.1.max')).toBe('评定指标第1部分第2个评分项的满分');
    expect(labelForPath('config.evaluation.sections.2.label')).toBe('评定指标第3部分的名称');
    expect(labelForPath('config.evaluation.vetoItems.0.text')).toBe('第1个否决项');
    expect(labelForPath('config.duplicate.synonyms.2.1')).toBe('同义词表第3组第2个词');
    expect(labelForPath('config.duplicate.synonyms.4')).toBe('同义词表第5组');
  });

  it('puts the field name in front of the message', () => {
    expect(fieldErrorMessage('config.evaluation.sections.0.items.1.max', '应为整数')).toBe('评定指标第1部分第2个评分项的满分应为整数');
  });
});
