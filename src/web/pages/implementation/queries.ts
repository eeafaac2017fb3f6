/** 项目实施 / 跟踪服务 API hooks (src/server/implementation, src/server/tracking). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImplementationPlan, TrackingListQuery, TrackingRow } from '../../../shared/implementation';
import { api, idempotencyHeaders, readCookie, CSRF_COOKIE, CSRF_HEADER } from '../../api';

export const IMPL_KEY = ['implementation'] as const;

export interface Measurement {
  indicatorId: string;
  value: number;
  measuredOn: string;
}
export interface ReportDto {
  id: string;
  kind: 'scheduled' | 'milestone';
  period: string;
  dueOn: string | null;
  done: string;
  measurements: Measurement[];
  problems: string;
  nextSteps: string;
  authorName: string;
  submittedAt: string;
}
export interface ItemDto {
  id: string;
  kind: 'guidance' | 'problem' | 'support';
  category: 'metrology' | 'standards' | 'testing' | 'certification' | null;
  visitId: string | null;
  content: string;
  state: 'open' | 'answered' | 'closed';
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  raisedByName: string;
  raisedByUnit: boolean;
  version: number;
  createdAt: string;
}
export interface ProjectView {
  project: { id: string; name: string; projectNo: string | null; state: string; chain: string | null; applicantName: string; recommenderName: string | null; approvedOn: string; writable: boolean };
  schedule: { frequency: 'monthly' | 'quarterly'; dayOfMonth: number; remindDaysBefore: number; remindDaysAfter: number };
  plan: { id: string; version: number; revisionNo: number; submitted: boolean; firstSubmittedAt: string | null; content: ImplementationPlan } | null;
  revisions: { revisionNo: number; kind: 'initial' | 'adjustment'; reason: string | null; authorName: string; createdAt: string; content: ImplementationPlan }[];
  slots: { period: string; label: string; dueOn: string; status: 'upcoming' | 'due_soon' | 'late' | 'submitted' | 'submitted_late'; report: ReportDto | null }[];
  milestoneReports: ReportDto[];
  materials: { id: string; phase: 'plan' | 'do' | 'check' | 'act'; milestoneId: string | null; title: string; fileId: string; fileName: string; size: number; versionNo: number; superseded: boolean; supersedesId: string | null; uploadedByName: string; createdAt: string }[];
  visits: { id: string; kind: 'visit' | 'inspection'; visitedOn: string; people: string; findings: string; files: { id: string; name: string }[]; authorName: string; createdAt: string }[];
  items: ItemDto[];
  timeline: { at: string; kind: string; title: string; detail: string }[];
  chart: { id: string; name: string; unit: string; baseline: number; target: number; points: { date: string; value: number }[] }[];
  counts: { reportsLate: number; milestonesAtRisk: number; openItems: number };
}

export function useTrackingList(q: TrackingListQuery) {
  return useQuery({ queryKey: [...IMPL_KEY, 'list', q], queryFn: () => api.get<{ items: TrackingRow[] }>('/api/implementation/projects', q as Record<string, string | undefined>), staleTime: 0 });
}

export function useOverview(q: TrackingListQuery) {
  type Group = { key: string; projects: number; lateProjects: number; lateReports: number; openItems: number; noPlan: number };
  return useQuery({ queryKey: [...IMPL_KEY, 'overview', q], queryFn: () => api.get<{ byDistrict: Group[]; byChain: Group[]; late: TrackingRow[] }>('/api/tracking/overview', q as Record<string, string | undefined>) });
}

export function useProjectView(id: string) {
  return useQuery({ queryKey: [...IMPL_KEY, 'project', id], queryFn: () => api.get<ProjectView>(`/api/implementation/projects/${id}`), staleTime: 0 });
}

/** A write on the project page; refreshes the page's data on success. */
export function useProjectMutation<V, R = unknown>(projectId: string, run: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => qc.invalidateQueries({ queryKey: [...IMPL_KEY, 'project', projectId] }) });
}

export const post = (path: string, body: unknown) => api.post<{ id: string }>(path, body, { headers: idempotencyHeaders() });

/** Upload one file (multipart) for a material or a visit; resolves with its id. */
export async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  const data = new FormData();
  data.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const res = await fetch('/api/files?purpose=evidence', { method: 'POST', body: data, headers, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { id?: string; name?: string; message?: string };
  if (!res.ok || !body.id) throw new Error(body.message ?? `上传失败（${res.status}），请稍后重试`);
  return { id: body.id, name: body.name ?? file.name };
}
