/**
 * Who may do what with a certificate (lifecycle.md: issued → void). The commission starts runs,
 * voids and downloads any certificate; an applicant downloads only the issued certificates of its
 * own projects — anything else answers 404, so another unit's certificate does not leak.
 */
import type { Actor } from '../context';

export type CertificateAction = 'read' | 'download' | 'void' | 'start_run';

export interface CertificateResource {
  applicantOrgId: string;
  state: string;
}

export function allowCertificate(actor: Actor, action: CertificateAction, resource?: CertificateResource): boolean {
  if (actor.role === 'commission') return true;
  if ((action === 'read' || action === 'download') && actor.role === 'applicant' && resource) {
    return resource.applicantOrgId === actor.organisationId && resource.state === 'issued';
  }
  return false;
}

/** An applicant may not learn that another unit's certificate exists: refusals to it answer 404. */
export function certificateVisibleTo(actor: Actor, resource?: CertificateResource): boolean {
  return !(resource && actor.role === 'applicant');
}
