/**
 * Paths into the 申报书 (`unit.name`, `content.goals.2.target`, `vetoDeclarations.no-serious-dishonesty`):
 * read, immutable write, the editor step a path belongs to and the DOM id of its control.
 */

export type Path = string;

function segs(path: Path): string[] {
  return path.split('.').filter((s) => s !== '');
}

export function getAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const s of segs(path)) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path` (objects and arrays along the way are copied). */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  const parts = segs(path);
  const write = (node: unknown, i: number): unknown => {
    const key = parts[i];
    const isIndex = /^\d+$/.test(key);
    const base: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : isIndex ? [] : {};
    const next = i === parts.length - 1 ? value : write((base as Record<string, unknown>)[key], i + 1);
    if (Array.isArray(base)) base[Number(key)] = next;
    else if (next === undefined) delete base[key];
    else base[key] = next;
    return base;
  };
  return write(obj, 0) as T;
}

/** The editor steps, in order (index = step number). */
export const EDITOR_STEPS = [
  { key: 'unit', title: '单位基本情况' },
  { key: 'project', title: '项目基本情况' },
  { key: 'content', title: '项目内容' },
  { key: 'team', title: '项目组成员' },
  { key: 'consortium', title: '联合体' },
  { key: 'benefits', title: '预期效益与已有基础' },
  { key: 'infrastructure', title: '质量基础设施' },
  { key: 'attachments', title: '附件' },
  { key: 'commitment', title: '承诺与否决事项' },
  { key: 'check', title: '检查与提交' },
] as const;
export type StepKey = (typeof EDITOR_STEPS)[number]['key'];

const STEP_OF_PREFIX: [string, StepKey][] = [
  ['unit', 'unit'],
  ['project', 'project'],
  ['recommenderOrgId', 'project'],
  ['content', 'content'],
  ['team', 'team'],
  ['consortium', 'consortium'],
  ['benefits', 'benefits'],
  ['basis', 'benefits'],
  ['infrastructureNote', 'infrastructure'],
  ['infrastructure', 'infrastructure'],
  ['attachments', 'attachments'],
  ['commitment', 'commitment'],
  ['vetoDeclarations', 'commitment'],
];

/** The step index a field path is edited on (unknown paths → the check step). */
export function stepOfPath(path: Path): number {
  const hit = STEP_OF_PREFIX.find(([p]) => path === p || path.startsWith(p + '.'));
  const key: StepKey = hit ? hit[1] : 'check';
  return EDITOR_STEPS.findIndex((s) => s.key === key);
}

/** DOM id of the control (or list) editing `path`. */
export function fieldId(path: Path): string {
  return 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Focus the control of `path` (or of its closest parent that is on the page), scroll it into view.
 * Returns false when nothing was found.
 */
export function focusField(path: Path): boolean {
  let p: string = path;
  while (p) {
    const el = document.getElementById(fieldId(p));
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const focusable = el.matches('input,textarea,select,button,[tabindex]') ? el : el.querySelector<HTMLElement>('input,textarea,select,button,[tabindex]');
      (focusable ?? el).focus({ preventScroll: true });
      return true;
    }
    p = p.split('.').slice(0, -1).join('.');
  }
  return false;
}

/** Leaf paths whose values differ between two forms (for the merge dialog). */
export function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) return [];
  const isObj = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    return [...keys].flatMap((k) => changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Mask an ID number for display: 120101199001011234 → 1201**********1234. */
export function maskId(id: string | undefined): string {
  if (!id) return '';
  if (id.includes('*') || id.length < 8) return id;
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
