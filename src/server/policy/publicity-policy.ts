import type { Actor } from '../context';

/** 公示公布 and 宣传推广: windows, objections, recognition lists, showcase approval are the commission's. */
export type PublicityAction = 'manage';

export function allowPublicity(actor: Actor, action: PublicityAction): boolean {
  return action === 'manage' && actor.role === 'commission';
}
