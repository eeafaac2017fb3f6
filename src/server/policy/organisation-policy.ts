import type { Actor } from '../context';

export type OrganisationAction = 'read' | 'update' | 'confirm_recognition' | 'manage';

export interface OrganisationResource {
  id: string;
  kind: string;
  defaultRecommenderId?: string | null;
}

export function allowOrganisation(actor: Actor, action: OrganisationAction, o: OrganisationResource): boolean {
  switch (action) {
    case 'read':
      return actor.organisationId === o.id || actor.role === 'commission' || (actor.role === 'recommender' && o.defaultRecommenderId === actor.organisationId);
    case 'update':
      return actor.organisationId === o.id && (actor.role === 'applicant' || actor.isAdmin);
    case 'manage':
      // Commission administrators run the non-applicant organisations (applicants register themselves).
      return actor.role === 'commission' && actor.isAdmin && o.kind !== 'applicant';
    case 'confirm_recognition':
      return actor.role === 'recommender' && o.kind === 'applicant' && o.defaultRecommenderId === actor.organisationId;
    default:
      return false;
  }
}
