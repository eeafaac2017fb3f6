/** How notices and refusals name a project. */
import type { ProjectRow } from './load-project';

export function projectLabel(row: Pick<ProjectRow, 'name' | 'applicationNo'>): string {
  return `《${row.name || '未命名项目'}》${row.applicationNo ? `（${row.applicationNo}）` : ''}`;
}

/** The in-app link of a project (every role's page resolves it). */
export const reviewLink = (id: string) => `/applications/${id}`;
