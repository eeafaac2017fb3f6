/** Data of the recommender pages (types from src/shared/recommendations.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationReview, InboxResponse, RecommenderBatch } from '../../../shared/recommendations';
import type { projectActionResultSchema } from '../../../shared/recommendations';
import { api, type Query } from '../../api';

export type ActionResult = z.infer<typeof projectActionResultSchema>;

export const INBOX_KEY = ['recommender', 'inbox'] as const;
export const REVIEW_KEY = (id: string) => ['recommender', 'review', id] as const;
export const BATCH_KEY = ['recommender', 'batch'] as const;

export function useInbox(query: Query) {
  return useQuery({
    queryKey: [...INBOX_KEY, query],
    queryFn: () => api.get<InboxResponse>('/api/recommender/applications', query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: REVIEW_KEY(id),
    queryFn: () => api.get<ApplicationReview>(`/api/recommender/applications/${id}`),
    staleTime: 0,
  });
}

export function useBatch() {
  return useQuery({
    queryKey: BATCH_KEY,
    queryFn: () => api.get<RecommenderBatch>('/api/recommender/batch'),
    staleTime: 0,
  });
}

/** Inbox state tabs: key → states sent as `state` (comma-separated); '' = all. */
export const INBOX_TABS: { key: string; label: string; states: string[] }[] = [
  { key: 'submitted', label: '待审核', states: ['submitted'] },
  { key: 'returned', label: '退回补正', states: ['returned'] },
  { key: 'recommended', label: '已推荐（待报送）', states: ['recommended'] },
  { key: 'not_recommended', label: '不予推荐', states: ['not_recommended'] },
  { key: 'sent', label: '已报送', states: ['under_review', 'approved', 'rejected'] },
  { key: 'withdrawn', label: '已撤回', states: ['withdrawn'] },
  { key: 'all', label: '全部', states: [] },
];
