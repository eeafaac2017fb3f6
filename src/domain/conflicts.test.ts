import { describe, expect, it } from 'vitest';
import { detectConflicts, normaliseOrgName, sameOrganisation, type ProjectFacts } from './conflicts';

const project: ProjectFacts = {
  unit: { name: '天津海河协作机器人科技有限公司', uscc: '91120116MA05TEST1X' },
  partners: [{ name: '天津大学（机械工程学院）', uscc: null }],
  team: [
    { name: '李建国', unit: '天津海河协作机器人科技有限公司' },
    { name: '王  振宇', unit: null },
  ],
  recommender: { name: '滨海新区市场监督管理局' },
};

describe('conflict detection rules', () => {
  it('same employer as the project unit, by credit code even when the names differ', () => {
    const r = detectConflicts({ name: '赵敏', employer: '海河机器人', employerUscc: '91120116ma05test1x' }, project);
    expect(r).toEqual([{ type: 'same_employer', evidence: expect.stringContaining('同单位：专家工作单位“海河机器人”即项目申报单位') }]);
    expect(r[0].evidence).toContain('统一社会信用代码91120116MA05TEST1X相同');
  });

  it('different credit codes are different units even with the same name', () => {
    expect(detectConflicts({ name: '赵敏', employer: '天津海河协作机器人科技有限公司', employerUscc: '91120116MA05OTHER1' }, project)).toEqual([]);
  });

  it('same employer as a consortium partner, by name with full-width brackets folded', () => {
    const r = detectConflicts({ name: '孙丽', employer: '天津大学 (机械工程学院)' }, project);
    expect(r.map((c) => c.type)).toEqual(['consortium_partner']);
    expect(r[0].evidence).toContain('联合体成员单位“天津大学（机械工程学院）”');
  });

  it('a member of the project team (same name, no other employer named)', () => {
    const r = detectConflicts({ name: '王振宇', employer: '天津理工大学' }, project);
    expect(r.map((c) => c.type)).toEqual(['team_member']);
    expect(r[0].evidence).toContain('项目组成员：专家“王振宇”');
  });

  it('a namesake at another employer is not a team member', () => {
    expect(detectConflicts({ name: '李建国', employer: '天津理工大学' }, project)).toEqual([]);
  });

  it('staff of the project recommender', () => {
    const r = detectConflicts({ name: '周洁', employer: '滨海新区市场监督管理局' }, project);
    expect(r.map((c) => c.type)).toEqual(['recommender_staff']);
    expect(r[0].evidence).toContain('推荐单位人员');
  });

  it('a declared relation with the unit, a partner or the recommender', () => {
    const r = detectConflicts(
      { name: '钱伟', employer: '天津职业技术师范大学', declared: [{ organisation: '天津海河协作机器人科技有限公司', relation: '近三年担任该公司技术顾问' }, { organisation: '天津港集团', relation: '亲属任职' }] },
      project,
    );
    expect(r).toEqual([{ type: 'declared_relation', evidence: '本人申报关系：与项目申报单位“天津海河协作机器人科技有限公司”——近三年担任该公司技术顾问' }]);
  });

  it('no facts in common, no conflict; empty names never match', () => {
    expect(detectConflicts({ name: '吴强', employer: '中国民航大学' }, project)).toEqual([]);
    expect(sameOrganisation({ name: '' }, { name: '' })).toBe(false);
    expect(normaliseOrgName(' 天津（滨海）Ab ')).toBe('天津(滨海)ab');
  });
});
