/**
 * One entry point for every permission decision: allow(actor, action, resource). Each resource
 * kind has its own module; anything not explicitly allowed is refused (fail closed).
 */
import { AppError } from '../app-error';
import type { Actor } from '../context';
import { allowAudit, type AuditAction } from './audit-policy';
import { allowBatch, type BatchAction, type BatchResource } from './batch-policy';
import { allowCampaign, type CampaignAction } from './campaign-policy';
import { allowCertificate, type CertificateAction, type CertificateResource } from './certificate-policy';
import { allowExpert, type ExpertAction, type ExpertResource } from './expert-policy';
import { allowEvaluation, type EvaluationAction, type EvaluationResource } from './evaluation-policy';
import { allowFile, type FileAction, type FileResource } from './file-policy';
import { allowImplementation, type ImplementationAction } from './implementation-policy';
import { allowOrganisation, type OrganisationAction, type OrganisationResource } from './organisation-policy';
import { allowProject, type ProjectAction, type ProjectResource } from './project-policy';
import { allowPublication, type PublicationAction } from './publication-policy';
import { allowPublicity, type PublicityAction } from './publicity-policy';
import { allowTrainingSession, type TrainingSessionAction, type TrainingSessionResource } from './training-policy';
import { allowUser, type UserAction, type UserResource } from './user-policy';

export type PolicyRequest =
  | { kind: 'project'; action: ProjectAction; resource: ProjectResource }
  | { kind: 'campaign'; action: CampaignAction; resource?: undefined }
  | { kind: 'audit'; action: AuditAction; resource?: undefined }
  | { kind: 'user'; action: UserAction; resource: UserResource }
  | { kind: 'organisation'; action: OrganisationAction; resource: OrganisationResource }
  | { kind: 'file'; action: FileAction; resource: FileResource }
  | { kind: 'batch'; action: BatchAction; resource: BatchResource }
  | { kind: 'training_session'; action: TrainingSessionAction; resource: TrainingSessionResource }
  | { kind: 'publication'; action: PublicationAction; resource?: undefined }
  | { kind: 'certificate'; action: CertificateAction; resource?: CertificateResource }
  | { kind: 'implementation'; action: ImplementationAction; resource: ProjectResource }
  | { kind: 'expert'; action: ExpertAction; resource: ExpertResource }
  | { kind: 'evaluation'; action: EvaluationAction; resource: EvaluationResource }
  | { kind: 'publicity'; action: PublicityAction; resource?: undefined };

export function allow(actor: Actor | null, req: PolicyRequest): boolean {
  if (!actor) return false;
  switch (req.kind) {
    case 'project':
      return allowProject(actor, req.action, req.resource);
    case 'campaign':
      return allowCampaign(actor, req.action);
    case 'audit':
      return allowAudit(actor, req.action);
    case 'user':
      return allowUser(actor, req.action, req.resource);
    case 'organisation':
      return allowOrganisation(actor, req.action, req.resource);
    case 'file':
      return allowFile(actor, req.action, req.resource);
    case 'batch':
      return allowBatch(actor, req.action, req.resource);
    case 'training_session':
      return allowTrainingSession(actor, req.action, req.resource);
    case 'publication':
      return allowPublication(actor, req.action);
    case 'certificate':
      return allowCertificate(actor, req.action, req.resource);
    case 'implementation':
      return allowImplementation(actor, req.action, req.resource);
    case 'expert':
      return allowExpert(actor, req.action, req.resource);
    case 'evaluation':
      return allowEvaluation(actor, req.action, req.resource);
    case 'publicity':
      return allowPublicity(actor, req.action);
    default:
      return false;
  }
}

/**
 * Throws when not allowed. `canSee` says whether the actor may know the record exists: if not, the
 * answer is 404 so that existence does not leak; otherwise 403.
 */
export function authorize(actor: Actor | null, req: PolicyRequest, canSee = true): void {
  if (!actor) throw new AppError('unauthenticated', 'no actor', '请先登录');
  if (allow(actor, req)) return;
  if (!canSee) throw new AppError('not_found', `${req.kind} hidden from actor`, '记录不存在或无权访问');
  throw new AppError('forbidden', `${req.kind}.${req.action} refused`, '没有执行此操作的权限');
}
