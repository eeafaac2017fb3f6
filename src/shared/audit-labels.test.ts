import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel, auditSummaryText } from './audit-labels';

describe('audit labels', () => {
  it('names actions, entities and transitions in Chinese and shows instants in Beijing time', () => {
    expect(auditActionLabel('send_batch')).toBe('报送市市场监管委');
    expect(auditEntityLabel('training_session')).toBe('培训场次');
    expect(auditActionLabel('export_xlsx')).toBe('导出 Excel');
    expect(auditSummaryText({ to: 'approved', from: 'under_review' })).toBe('新状态：已立项（实施中）；原状态：立项审核中');
    expect(auditSummaryText({ startsAt: '2026-04-24T01:00:00.000Z', capacity: 30 })).toBe('开始时间：2026-04-24 09:00（北京时间）；容量（人数）：30');
    expect(auditSummaryText({ title: '质量攻关宣贯培训' })).toBe('标题：质量攻关宣贯培训');
    expect(auditSummaryText({ ids: ['a', 'b'], confirmed: true })).toBe('所选项目：a、b；确认：是');
  });
});
