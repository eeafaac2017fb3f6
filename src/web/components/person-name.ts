/**
 * The person's name where the organisation is already shown beside it: account names are often
 * stored as "王立群（天津海河协作机器人科技有限公司）", which would repeat the company name.
 */
export function personName(displayName: string, organisationName: string): string {
  const m = /^(.+?)\s*[（(]([^（）()]+)[）)]$/.exec(displayName.trim());
  if (m && organisationName.includes(m[2].trim())) return m[1];
  return displayName;
}
