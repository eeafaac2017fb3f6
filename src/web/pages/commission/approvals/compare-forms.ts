/** Field-by-field comparison of two 申报书 (pure; used by CompareDrawer). */
import { fieldLabel } from '../../../../domain/application-form';
import { FORM_SECTIONS, sectionOf } from '../../../components/review/form-sections';

export interface CompareRow {
  path: string;
  section: string;
  label: string;
  left: string;
  right: string;
  differs: boolean;
}

function display(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return v.toLocaleString('zh-CN');
  return String(v);
}

/** path → displayed value of every leaf of a form (arrays by index: team.0.name). */
export function flattenForm(form: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (Array.isArray(form)) {
    if (form.every((x) => typeof x !== 'object' || x === null)) out.set(prefix, form.map(display).filter(Boolean).join('、'));
    else form.forEach((x, i) => flattenForm(x, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (form && typeof form === 'object') {
    for (const [k, v] of Object.entries(form)) flattenForm(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, display(form));
  }
  return out;
}

/** Every field either form fills, in the 申报书's section order; `differs` when the texts differ. */
export function compareForms(left: unknown, right: unknown): CompareRow[] {
  const a = flattenForm(left);
  const b = flattenForm(right);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => (a.get(p) ?? '') !== '' || (b.get(p) ?? '') !== '');
  const order = (p: string) => {
    const s = sectionOf(p);
    return s ? FORM_SECTIONS.indexOf(s) : FORM_SECTIONS.length;
  };
  return paths
    .map((path, i) => ({ path, i, o: order(path) }))
    .sort((x, y) => x.o - y.o || x.i - y.i)
    .map(({ path }) => {
      const left = a.get(path) ?? '';
      const right = b.get(path) ?? '';
      return { path, section: sectionOf(path)?.title ?? '其他', label: fieldLabel(path), left, right, differs: left.trim() !== right.trim() };
    });
}
