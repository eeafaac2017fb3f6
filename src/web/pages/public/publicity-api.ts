/** Public 公示 and 优秀成果: queries shared by the portal home and the public pages. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConferenceDto, PublicPublicity, PublicShowcase, publicPublicityListSchema } from '../../../shared/publicity';
import { api } from '../../api';

export type PublicPublicityList = z.infer<typeof publicPublicityListSchema>;
const opts = { noSessionFlow: true };

export function usePublicityList() {
  return useQuery({ queryKey: ['public', 'publicity'], queryFn: () => api.get<PublicPublicityList>('/api/public/publicity', undefined, opts), staleTime: 30_000 });
}

export function usePublicity(id: string | undefined) {
  return useQuery({ queryKey: ['public', 'publicity', id], queryFn: () => api.get<PublicPublicity>(`/api/public/publicity/${id}`, undefined, opts), enabled: !!id });
}

export function useExcellent() {
  return useQuery({ queryKey: ['public', 'excellent'], queryFn: () => api.get<{ items: PublicShowcase[] }>('/api/public/excellent', undefined, opts), staleTime: 60_000 });
}

export function useExcellentEntry(id: string | undefined) {
  return useQuery({ queryKey: ['public', 'excellent', id], queryFn: () => api.get<PublicShowcase>(`/api/public/excellent/${id}`, undefined, opts), enabled: !!id });
}

export function useConferences() {
  return useQuery({ queryKey: ['public', 'conferences'], queryFn: () => api.get<{ items: ConferenceDto[] }>('/api/public/conferences', undefined, opts), staleTime: 60_000 });
}
