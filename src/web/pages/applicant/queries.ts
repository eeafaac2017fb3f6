/** The applicant's calls to the 项目申报 API (routes in src/shared/applications.ts). */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  applicationListResponseSchema,
  applicationStateResponseSchema,
  applicationVersionSchema,
  saveDraftResponseSchema,
  submitApplicationResponseSchema,
  ApplicationCheck,
  ApplicationDetail,
  ApplicantOrganisation,
  RecommenderOption,
} from '../../../shared/applications';
import type { ApplicationForm } from '../../../domain/application-form';
import { api, idempotencyHeaders, type Query } from '../../api';

export type ApplicationList = z.infer<typeof applicationListResponseSchema>;
export type SaveDraftResponse = z.infer<typeof saveDraftResponseSchema>;
export type SubmitResponse = z.infer<typeof submitApplicationResponseSchema>;
export type StateResponse = z.infer<typeof applicationStateResponseSchema>;
export type ApplicationVersion = z.infer<typeof applicationVersionSchema>;

export const applicationsKey = ['applicant', 'applications'] as const;
export const applicationKey = (id: string) => ['applicant', 'application', id] as const;

export function useApplicationList(query: Query) {
  return useQuery({
    queryKey: [...applicationsKey, query],
    queryFn: () => api.get<ApplicationList>('/api/applications', query),
    placeholderData: (prev) => prev,
    staleTime: 5_000,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => api.get<ApplicationDetail>(`/api/applications/${id}`),
    staleTime: 0,
  });
}

export function useRecommenders() {
  return useQuery({
    queryKey: ['public', 'recommenders'],
    queryFn: () => api.get<{ items: RecommenderOption[]; defaultRecommenderId: string | null }>('/api/public/recommenders'),
    staleTime: 300_000,
  });
}

export function useOwnOrganisation() {
  return useQuery({
    queryKey: ['applicant', 'organisation'],
    queryFn: () => api.get<ApplicantOrganisation>('/api/applicant/organisation'),
    staleTime: 60_000,
  });
}

export const applicationsApi = {
  detail: (id: string) => api.get<ApplicationDetail>(`/api/applications/${id}`),
  create: () => api.post<ApplicationDetail>('/api/applications', {}),
  saveDraft: (id: string, body: { version: number; form: ApplicationForm; recommenderOrgId?: string | null }) => api.put<SaveDraftResponse>(`/api/applications/${id}/draft`, body),
  check: (id: string) => api.post<ApplicationCheck>(`/api/applications/${id}/check`, {}),
  submit: (id: string, version: number, key: string) => api.post<SubmitResponse>(`/api/applications/${id}/submit`, { version }, { headers: idempotencyHeaders(key) }),
  withdraw: (id: string, version: number) => api.post<StateResponse>(`/api/applications/${id}/withdraw`, { version }),
  reopen: (id: string, version: number) => api.post<StateResponse>(`/api/applications/${id}/reopen`, { version }),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/applications/${id}`),
  version: (id: string, n: number) => api.get<ApplicationVersion>(`/api/applications/${id}/versions/${n}`),
};

export const exportUrl = (id: string, format: 'docx' | 'pdf') => `/api/applications/${id}/export.${format}`;
