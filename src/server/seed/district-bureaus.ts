import type { TianjinDistrict } from '../../domain/uscc';

/** The organisation row of one district's 市场监督管理局 (a recommender), shared by the demo seed and the first install. */
export function districtBureauValues(d: TianjinDistrict) {
  return { kind: 'recommender' as const, subtype: 'district_bureau' as const, name: d.bureau, shortName: `${d.name}市场监管局`, divisionCode: d.code, district: d.name };
}
