/**
 * Table tests of the permission vocabulary: `allow(actor, {kind, action, resource})` called directly,
 * one table per policy (actor × action × resource → allow/deny). The request-level permission
 * matrix (test/permissions.test.ts) checks the same rules through the routes.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../context';
import { certificateVisibleTo, type CertificateResource } from './certificate-policy';
import { allow, authorize, type PolicyRequest } from './policy';
import { requireApplicant, requireApplicantOrRecommender, requireCommission, requireRecommender, requireSystemAdmin, requireTrainingManager } from './role-guards';

const ORG = { applicant: 'org-applicant', other: 'org-other-applicant', recommender: 'org-rec', otherRec: 'org-rec-2', commission: 'org-smr', provider: 'org-train' };

function actor(role: Role, organisationId: string, userId = `u-${role}`): Actor {
  return { userId, username: userId, displayName: '测试用户', role, isAdmin: false, organisationId, organisationKind: role, organisationSubtype: null, organisationName: '测试单位' };
}
const A = {
  applicant: actor('applicant', ORG.applicant),
  otherApplicant: actor('applicant', ORG.other),
  recommender: actor('recommender', ORG.recommender),
  otherRecommender: actor('recommender', ORG.otherRec),
  commission: actor('commission', ORG.commission),
  expert: actor('expert', 'org-experts', 'u-expert'),
  provider: actor('training_provider', ORG.provider),
};
type Who = keyof typeof A;

function table(rows: [Who, PolicyRequest, boolean][]) {
  for (const [who, req, expected] of rows) {
    it(`${who} ${req.kind}.${req.action}${req.resource && 'state' in req.resource ? ` (${String(req.resource.state)})` : ''} → ${expected ? 'allow' : 'deny'}`, () => {
      expect(allow(A[who], req)).toBe(expected);
    });
  }
}

const project = (state: string, extra: Partial<{ assignedExpertIds: string[] }> = {}) => ({ applicantOrgId: ORG.applicant, recommenderOrgId: ORG.recommender, state, ...extra });
const p = (action: Extract<PolicyRequest, { kind: 'project' }>['action'], state: string, extra = {}): PolicyRequest => ({ kind: 'project', action, resource: project(state, extra) });
const batch = (action: Extract<PolicyRequest, { kind: 'batch' }>['action'], state: string): PolicyRequest => ({ kind: 'batch', action, resource: { recommenderOrgId: ORG.recommender, state } });
const session = (action: Extract<PolicyRequest, { kind: 'training_session' }>['action']): PolicyRequest => ({ kind: 'training_session', action, resource: { providerOrgId: ORG.provider } });

describe('project policy', () => {
  table([
    ['applicant', p('read', 'draft'), true],
    ['otherApplicant', p('read', 'submitted'), false],
    ['recommender', p('read', 'draft'), false],
    ['recommender', p('read', 'submitted'), true],
    ['otherRecommender', p('read', 'submitted'), false],
    ['commission', p('read', 'draft'), false],
    ['commission', p('read', 'under_review'), true],
    ['expert', p('read', 'in_evaluation'), false],
    ['expert', p('read', 'in_evaluation', { assignedExpertIds: ['u-expert'] }), true],
    ['provider', p('read', 'approved'), false],
    ['applicant', p('edit_draft', 'draft'), true],
    ['otherApplicant', p('edit_draft', 'draft'), false],
    ['recommender', p('edit_draft', 'draft'), false],
    ['applicant', p('submit', 'draft'), true],
    ['applicant', p('withdraw', 'submitted'), true],
    ['commission', p('withdraw', 'submitted'), false],
    ['recommender', p('review', 'submitted'), true],
    ['otherRecommender', p('review', 'submitted'), false],
    ['recommender', p('review', 'draft'), false],
    ['applicant', p('review', 'submitted'), false],
    ['commission', p('review', 'submitted'), false],
    ['recommender', p('batch', 'recommended'), true],
    ['commission', p('approve', 'under_review'), true],
    ['recommender', p('approve', 'under_review'), false],
    ['applicant', p('approve', 'under_review'), false],
    ['commission', p('supervise', 'under_review'), true],
    ['expert', p('supervise', 'under_review'), false],
  ]);
});

describe('batch policy', () => {
  table([
    ['recommender', batch('read', 'composing'), true],
    ['otherRecommender', batch('read', 'sent'), false],
    ['commission', batch('read', 'composing'), false],
    ['commission', batch('read', 'sent'), true],
    ['recommender', batch('compose', 'composing'), true],
    ['recommender', batch('send', 'composing'), true],
    ['otherRecommender', batch('send', 'composing'), false],
    ['commission', batch('send', 'composing'), false],
    ['commission', batch('receive', 'sent'), true],
    ['recommender', batch('receive', 'sent'), false],
    ['applicant', batch('read', 'sent'), false],
  ]);
});

describe('campaign and audit policies', () => {
  table([
    ['applicant', { kind: 'campaign', action: 'read' }, true],
    ['applicant', { kind: 'campaign', action: 'update' }, false],
    ['recommender', { kind: 'campaign', action: 'reopen_window' }, false],
    ['commission', { kind: 'campaign', action: 'update' }, true],
    ['commission', { kind: 'campaign', action: 'read_overview' }, true],
    ['commission', { kind: 'audit', action: 'read' }, true],
    ['commission', { kind: 'audit', action: 'export' }, true],
    ['recommender', { kind: 'audit', action: 'read' }, false],
    ['provider', { kind: 'audit', action: 'export' }, false],
  ]);
});

describe('training session policy', () => {
  table([
    ['provider', session('read'), true],
    ['provider', session('manage'), true],
    ['commission', session('manage'), true],
    ['applicant', session('manage'), false],
    ['recommender', session('read'), false],
  ]);
});

describe('certificate policy', () => {
  const cert = (action: Extract<PolicyRequest, { kind: 'certificate' }>['action'], state: string, applicantOrgId: string = ORG.applicant): PolicyRequest => ({
    kind: 'certificate',
    action,
    resource: { applicantOrgId, state },
  });
  table([
    ['applicant', cert('download', 'issued'), true],
    ['applicant', cert('download', 'void'), false],
    ['otherApplicant', cert('download', 'issued'), false],
    ['applicant', cert('void', 'issued'), false],
    ['applicant', { kind: 'certificate', action: 'read' }, false],
    ['recommender', cert('download', 'issued'), false],
    ['expert', cert('read', 'issued'), false],
    ['commission', cert('void', 'issued'), true],
    ['commission', { kind: 'certificate', action: 'start_run' }, true],
    ['provider', { kind: 'certificate', action: 'start_run' }, false],
  ]);
  it("answers 404 to an applicant asking for another unit's certificate, 403 to a recommender", () => {
    const req = cert('download', 'issued', ORG.other);
    expect(() => authorize(A.applicant, req, certificateVisibleTo(A.applicant, req.resource as CertificateResource))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(A.recommender, req, certificateVisibleTo(A.recommender, req.resource as CertificateResource))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('fails closed', () => {
  it('refuses without an actor, for an unknown kind and an unknown action', () => {
    expect(allow(null, p('read', 'submitted'))).toBe(false);
    expect(allow(A.commission, { kind: 'no_such_kind', action: 'read' } as unknown as PolicyRequest)).toBe(false);
    expect(allow(A.commission, { kind: 'project', action: 'no_such_action', resource: project('submitted') } as unknown as PolicyRequest)).toBe(false);
    expect(allow(A.commission, { kind: 'batch', action: 'no_such_action', resource: { recommenderOrgId: ORG.recommender, state: 'sent' } } as unknown as PolicyRequest)).toBe(false);
  });

  it('authorize answers 404 when the actor may not know the record, 403 otherwise, 401 without an actor', () => {
    expect(() => authorize(A.otherRecommender, p('review', 'submitted'), false)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => authorize(A.otherRecommender, p('review', 'submitted'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => authorize(null, p('read', 'submitted'))).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });

  it('role guards refuse every other role (403)', () => {
    for (const who of Object.keys(A) as Who[]) {
      if (A[who].role !== 'recommender') expect(() => requireRecommender(A[who])).toThrow(expect.objectContaining({ code: 'forbidden' }));
      else expect(() => requireRecommender(A[who])).not.toThrow();
      if (A[who].role !== 'commission') expect(() => requireCommission(A[who])).toThrow(expect.objectContaining({ code: 'forbidden' }));
      else expect(() => requireCommission(A[who])).not.toThrow();
    }
  });

  it('the other guards admit exactly their roles', () => {
    const admits = (guard: (a: Actor) => void, who: Who) => {
      try {
        guard(A[who]);
        return true;
      } catch (err) {
        expect(err).toEqual(expect.objectContaining({ code: 'forbidden' }));
        return false;
      }
    };
    const admitted = (guard: (a: Actor) => void) => (Object.keys(A) as Who[]).filter((who) => admits(guard, who));
    expect(admitted(requireApplicant)).toEqual(['applicant', 'otherApplicant']);
    expect(admitted(requireTrainingManager)).toEqual(['commission', 'provider']);
    expect(admitted(requireApplicantOrRecommender)).toEqual(['applicant', 'otherApplicant', 'recommender', 'otherRecommender']);
    // The commission actor here is not an administrator; an administrator is.
    expect(admitted(requireSystemAdmin)).toEqual([]);
    expect(admits(requireSystemAdmin, 'commission')).toBe(false);
    expect(() => requireSystemAdmin({ ...A.commission, isAdmin: true })).not.toThrow();
    expect(() => requireSystemAdmin({ ...A.recommender, isAdmin: true })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
