/** Data of the training provider pages (types from src/shared/training.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RosterDto, TrainingSessionDto } from '../../../shared/training';
import { api, type Query } from '../../api';

export const SESSIONS_KEY = ['training', 'sessions'] as const;
export const ROSTER_KEY = (id: string) => ['training', 'roster', id] as const;

export interface SessionPage {
  items: TrainingSessionDto[];
  total: number;
  page: number;
  pageSize: number;
}

export function useSessions(query: Query) {
  return useQuery({
    queryKey: [...SESSIONS_KEY, query],
    queryFn: () => api.get<SessionPage>('/api/training/sessions', query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRoster(id: string) {
  return useQuery({ queryKey: ROSTER_KEY(id), queryFn: () => api.get<RosterDto>(`/api/training/sessions/${id}/roster`), staleTime: 0 });
}

export const PHASE_COLORS: Record<string, string> = { upcoming: 'blue', in_progress: 'green', ended: 'default', cancelled: 'red' };
