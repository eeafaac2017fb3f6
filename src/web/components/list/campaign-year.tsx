/**
 * 年度选择 (several campaigns at once): every per-campaign list keeps `?year=` in the URL as one of
 * its filters; '' means the current campaign by date, which the server picks.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import type { CampaignYear } from '../../../domain/campaign-config';
import { api } from '../../api';
import type { FilterField, FilterOption } from './FilterBar';

const STATUS: Record<CampaignYear['status'], string> = { draft: '草稿', active: '进行中', archived: '已归档' };

export function useCampaignYears() {
  return useQuery({ queryKey: ['campaign-years'], queryFn: () => api.get<{ items: CampaignYear[] }>('/api/campaigns/years'), staleTime: 60_000 });
}

/** Options "2026年度（进行中）"; the '' choice names the current year. */
export function useCampaignYearOptions(): { options: FilterOption[]; currentLabel: string } {
  const years = useCampaignYears();
  const items = years.data?.items ?? [];
  const current = items.find((y) => y.current);
  return {
    options: items.map((y) => ({ value: String(y.year), label: `${y.year}年度（${STATUS[y.status]}）` })),
    currentLabel: current ? `当前年度（${current.year}）` : '当前年度',
  };
}

/** The FilterBar field of a list whose filters hold `year` (applied at once). */
export function useCampaignYearField<F extends { year: string }>(): FilterField<F> {
  const { options, currentLabel } = useCampaignYearOptions();
  return { key: 'year' as keyof F & string, kind: 'select', label: '年度', width: 170, instant: true, allLabel: currentLabel, options };
}

/** A stand-alone year selector for a page without a list (overviews): `?year=` in the URL. */
export function CampaignYearSelect() {
  const [params, setParams] = useSearchParams();
  const { options, currentLabel } = useCampaignYearOptions();
  const year = params.get('year') ?? '';
  return (
    <label className="gg-inline-field">
      <span>年度</span>
      <Select
        aria-label="选择年度"
        style={{ width: 180 }}
        value={year}
        onChange={(v: string) => {
          const next = new URLSearchParams(window.location.search);
          if (v) next.set('year', v);
          else next.delete('year');
          setParams(next, { replace: true });
        }}
        options={[{ value: '', label: currentLabel }, ...options]}
      />
    </label>
  );
}

/** `?year=` of the address ('' when absent), for queries of pages using CampaignYearSelect. */
export function useSelectedYear(): string {
  const [params] = useSearchParams();
  return params.get('year') ?? '';
}
