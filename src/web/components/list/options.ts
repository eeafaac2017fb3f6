/** Filter choices several list pages share. */
import { useMemo } from 'react';
import { DIRECTION_LABELS, DIRECTIONS } from '../../../domain/application-form';
import { usePublicCampaign } from '../../hooks/usePublicCampaign';
import type { FilterOption } from './FilterBar';

export const DIRECTION_OPTIONS: FilterOption[] = DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }));

/** The campaign's 产业链/领域 (focus chains, livelihood industries, 其他). */
export function useChainOptions(): FilterOption[] {
  const campaign = usePublicCampaign();
  return useMemo(() => {
    const c = campaign.data;
    return c ? [...c.focusChains, ...c.livelihoodIndustries, '其他'].map((x) => ({ value: x, label: x })) : [];
  }, [campaign.data]);
}

/** Options from a label map ({ value: label }). */
export function optionsOf(labels: Record<string, string>): FilterOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
