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
