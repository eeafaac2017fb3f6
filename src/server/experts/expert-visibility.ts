/**
 * The ONE place that decides whether an expert's identity may leave the server (issue 18): experts
 * are anonymous to applicants and recommenders in every channel. Only the commission and the expert
 * personally see a name; everyone else gets a neutral designation. Any payload that mentions an
 * expert goes through here.
 */
import type { Actor } from '../context';

export function mayKnowExperts(actor: Actor | null): boolean {
  return actor?.role === 'commission';
}

/** The expert's name as this actor may see it: the name, or "评审专家" (with a number when given). */
export function expertNameFor(actor: Actor | null, expert: { userId: string; name: string }, index?: number): string {
  if (mayKnowExperts(actor) || (actor?.role === 'expert' && actor.userId === expert.userId)) return expert.name;
  return index === undefined ? '评审专家' : `评审专家${index + 1}`;
}
