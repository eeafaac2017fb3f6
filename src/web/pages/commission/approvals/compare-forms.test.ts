import { describe, expect, it } from 'vitest';
import { compareForms, flattenForm } from './compare-forms';

describe('compareForms', () => {
  it('flattens nested objects and lists of objects by index, joins lists of scalars', () => {
    const flat = flattenForm({ project: { name: '甲', direction: 'common' }, team: [{ name: '张三' }], infrastructure: ['metrology', 'standard'], commitment: { agreed: true } });
    expect(Object.fromEntries(flat)).toEqual({ 'project.name': '甲', 'project.direction': 'common', 'team.0.name': '张三', infrastructure: 'metrology、standard', 'commitment.agreed': '是' });
  });

  it('lists every filled field in section order and marks the differing ones', () => {
    const rows = compareForms({ project: { name: '提高合格率' }, unit: { name: '甲公司' } }, { project: { name: '提高合格率研究' }, unit: { name: '甲公司', phone: '' } });
    expect(rows.map((r) => [r.path, r.differs])).toEqual([
      ['unit.name', false],
      ['project.name', true],
    ]);
    expect(rows[1]).toMatchObject({ left: '提高合格率', right: '提高合格率研究', section: '二、项目基本信息' });
  });
});
