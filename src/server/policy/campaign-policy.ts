import type { Actor } from '../context';

export type CampaignAction = 'read' | 'update' | 'create' | 'reopen_window' | 'read_overview';

export function allowCampaign(actor: Actor, action: CampaignAction): boolean {
  if (action === 'read') return true;
  // Changing a year's rules, copying to next year, reopening windows and the whole-city overview
  // are the commission's.
  return actor.role === 'commission';
}
