/**
 * Who may do what with a certificate (lifecycle.md: issued → void). The commission starts runs,
 * voids and downloads any certificate; an applicant downloads only the issued certificates of its
 * own projects — anything else answers 404, so another unit's certificate does not leak.
 * (Kept beside the area rather than in policy/policy.ts, same fail-closed shape.)
 */
import { AppError } from '../app-error';
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

/** Throws unless allowed: 404 for an applicant (existence must not leak), 403 for other roles. */
export function authorizeCertificate(actor: Actor, action: CertificateAction, resource?: CertificateResource): void {
  if (allowCertificate(actor, action, resource)) return;
  if (resource && actor.role === 'applicant') throw new AppError('not_found', `certificate hidden from ${actor.organisationId}`, '证书不存在或无权访问');
  throw new AppError('forbidden', `certificate.${action} refused for ${actor.role}`, '仅市市场监管委可以执行此操作');
}
