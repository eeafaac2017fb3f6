/**
 * Role guards of the commands whose whole area belongs to one role: other roles are refused
 * outright (403), before any record is looked at. (The route guard, route-guard.ts, decides the
 * same per API prefix; these keep a command safe when called from elsewhere.)
 */
import { forbidden } from '../app-error';
import type { Actor } from '../context';

export function requireRecommender(actor: Actor): void {
  if (actor.role !== 'recommender') throw forbidden(`role ${actor.role} on recommender route`, '仅推荐单位可以执行此操作');
}

export function requireCommission(actor: Actor): void {
  if (actor.role !== 'commission') throw forbidden(`role ${actor.role} on commission route`, '仅市市场监管委可以执行此操作');
}

export function requireApplicant(actor: Actor): void {
  if (actor.role !== 'applicant') throw forbidden(`role ${actor.role} on applicant route`, '仅申报单位可以执行此操作');
}

/** 宣贯培训 sessions are run by training providers and the commission. */
export function requireTrainingManager(actor: Actor): void {
  if (actor.role !== 'training_provider' && actor.role !== 'commission') throw forbidden(`role ${actor.role} on training route`, '仅培训机构或市市场监管委可以执行此操作');
}

/** A project unit or its recommender (e.g. the sign-ups of the projects it may read). */
export function requireApplicantOrRecommender(actor: Actor): void {
  if (actor.role !== 'applicant' && actor.role !== 'recommender') throw forbidden(`role ${actor.role}`, '仅申报单位或推荐单位可以执行此操作');
}

/** System administration (backups): a commission administrator only. */
export function requireSystemAdmin(actor: Actor): void {
  if (actor.role !== 'commission' || !actor.isAdmin) throw forbidden(`${actor.role} admin=${actor.isAdmin} on system route`, '只有市市场监管委的系统管理员可以执行此操作');
}
