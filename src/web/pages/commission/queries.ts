import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { OrganisationOption } from '../../types';

export function useOrganisations(kind: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'organisations', kind],
    queryFn: () => api.get<{ items: OrganisationOption[] }>('/api/admin/organisations', { kind }),
    enabled: !!kind,
    staleTime: 5 * 60_000,
  });
}
