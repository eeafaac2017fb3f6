/** Public publications: queries shared by the portal home and the publication pages. */
import { useQuery } from '@tanstack/react-query';
import type { PublicationDetail, PublicationList } from '../../../shared/publications';
import { api } from '../../api';

export const publicationFileUrl = (id: string, ext: 'pdf' | 'xlsx') => `/api/public/publications/${id}/file.${ext}`;

export function usePublications(year?: number) {
  return useQuery({
    queryKey: ['public', 'publications', year ?? 'all'],
    queryFn: () => api.get<PublicationList>('/api/public/publications', year ? { year } : undefined, { noSessionFlow: true }),
    staleTime: 60_000,
  });
}

export function usePublication(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'publication', id],
    queryFn: () => api.get<PublicationDetail>(`/api/public/publications/${id}`, undefined, { noSessionFlow: true }),
    enabled: !!id,
    staleTime: 60_000,
  });
}
