/**
 * 回避 (conflicts of interest) between an expert and a project, detected from names, employers and
 * credit codes (rules-from-attachments.md, attachment 3, INFERRED common rules). Pure: the server
 * feeds the facts and stores the findings; a commission decision on a finding is pinned there and
 * survives recomputation. Each finding explains itself in Chinese ("同单位：…").
 */
export const CONFLICT_TYPES = ['same_employer', 'consortium_partner', 'team_member', 'recommender_staff', 'declared_relation'] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];

export interface OrgRef {
  name: string;
  uscc?: string | null;
}

export interface ExpertFacts {
  name: string;
  employer: string;
  employerUscc?: string | null;
  /** Relations the expert declared: an organisation (name / credit code) and what the relation is. */
  declared?: readonly { organisation: string; uscc?: string | null; relation: string }[];
}

export interface ProjectFacts {
  unit: OrgRef;
  partners: readonly OrgRef[];
  team: readonly { name: string; unit?: string | null }[];
  recommender?: OrgRef | null;
}

export interface DetectedConflict {
  type: ConflictType;
  evidence: string;
}

/** Organisation names compared without spaces, with full-width brackets folded, case-insensitive. */
export function normaliseOrgName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export function sameOrganisation(a: OrgRef, b: OrgRef): boolean {
  const ua = a.uscc?.trim().toUpperCase();
  const ub = b.uscc?.trim().toUpperCase();
  if (ua && ub) return ua === ub;
  const na = normaliseOrgName(a.name);
  return na.length > 0 && na === normaliseOrgName(b.name);
}

function how(a: OrgRef, b: OrgRef): string {
  return a.uscc && b.uscc ? `统一社会信用代码${b.uscc!.trim().toUpperCase()}相同` : '单位名称相同';
}

export function detectConflicts(expert: ExpertFacts, project: ProjectFacts): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  const employer: OrgRef = { name: expert.employer, uscc: expert.employerUscc };
  if (sameOrganisation(employer, project.unit)) {
    found.push({ type: 'same_employer', evidence: `同单位：专家工作单位“${expert.employer}”即项目申报单位“${project.unit.name}”（${how(employer, project.unit)}）` });
  }
  for (const p of project.partners) {
    if (sameOrganisation(employer, p)) {
      found.push({ type: 'consortium_partner', evidence: `同单位：专家工作单位“${expert.employer}”为项目联合体成员单位“${p.name}”（${how(employer, p)}）` });
    }
  }
  const personName = expert.name.replace(/\s+/g, '');
  for (const m of project.team) {
    if (!personName || m.name.replace(/\s+/g, '') !== personName) continue;
    // Same name at another named employer is a namesake, not the expert.
    if (m.unit && !sameOrganisation({ name: m.unit }, { name: expert.employer })) continue;
    found.push({ type: 'team_member', evidence: `项目组成员：专家“${expert.name}”列于项目组成员名单${m.unit ? `（成员单位“${m.unit}”）` : ''}` });
  }
  if (project.recommender && sameOrganisation(employer, project.recommender)) {
    found.push({ type: 'recommender_staff', evidence: `推荐单位人员：专家工作单位“${expert.employer}”即本项目推荐单位“${project.recommender.name}”` });
  }
  for (const d of expert.declared ?? []) {
    const target: OrgRef = { name: d.organisation, uscc: d.uscc };
    const orgs: [string, OrgRef][] = [
      ['项目申报单位', project.unit],
      ...project.partners.map((p) => ['联合体成员单位', p] as [string, OrgRef]),
      ...(project.recommender ? [['推荐单位', project.recommender] as [string, OrgRef]] : []),
    ];
    const hit = orgs.find(([, o]) => sameOrganisation(target, o));
    if (hit) found.push({ type: 'declared_relation', evidence: `本人申报关系：与${hit[0]}“${hit[1].name}”——${d.relation}` });
  }
  return found;
}
