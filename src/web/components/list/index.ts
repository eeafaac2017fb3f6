/** The web list kit: filters, tabs, bulk actions, export and table of every list page. */
export { BulkBar, type BulkAction } from './BulkBar';
export { ConfirmDialog, ErrorList, reasonRules, type ReasonSpec } from './ConfirmDialog';
export { CountTabs, type CountTab } from './CountTabs';
export { ExportButton } from './ExportButton';
export { FilterBar, type FilterField, type FilterOption } from './FilterBar';
export { ListTable, matchRows, type ListResult, type ListTableProps } from './ListTable';
export { DIRECTION_OPTIONS, optionsOf, useChainOptions } from './options';

export { CampaignYearSelect, useCampaignYearField, useCampaignYearOptions, useCampaignYears, useSelectedYear } from './campaign-year';
