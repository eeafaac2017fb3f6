import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { PublicCampaign } from '../types';

export const PUBLIC_CAMPAIGN_KEY = ['public', 'campaign'] as const;

export function usePublicCampaign() {
  return useQuery({
    queryKey: PUBLIC_CAMPAIGN_KEY,
    queryFn: () => api.get<PublicCampaign>('/api/public/campaign', undefined, { noSessionFlow: true }),
    staleTime: 60_000,
  });
}
