import type { Actor } from '../context';

export type CampaignAction = 'read' | 'update' | 'create' | 'reopen_window';

export function allowCampaign(actor: Actor, action: CampaignAction): boolean {
  if (action === 'read') return true;
  // Changing a year's rules, copying to next year, and reopening windows are commission acts.
  return actor.role === 'commission';
}
