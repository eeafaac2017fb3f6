import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A merge once dropped one closing brace in styles.css: every rule after it (tag contrast, phone
 * widths, link underlines) silently applied only below 640 px. The build accepts that, so check it.
 */
function blockDepths(css: string): { final: number; topLevelSelectors: string[] } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  let start = 0;
  const topLevelSelectors: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (depth === 0) topLevelSelectors.push(text.slice(start, i).trim());
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth < 0) return { final: depth, topLevelSelectors };
      if (depth === 0) start = i + 1;
    }
  }
  return { final: depth, topLevelSelectors };
}

describe('web styles', () => {
  const css = readFileSync(path.resolve(import.meta.dirname, '../src/web/styles.css'), 'utf8');

  it('closes every block it opens', () => {
    expect(blockDepths(css).final).toBe(0);
  });

  it('keeps the contrast overrides for tags at the top level, for every screen width', () => {
    const top = blockDepths(css).topLevelSelectors;
    expect(top.some((s) => s.includes('.ant-tag.ant-tag-green'))).toBe(true);
    expect(top.some((s) => s.includes('.gg-main p a'))).toBe(true);
  });

  it('finds a missing brace (the check can fail)', () => {
    expect(blockDepths('@media (max-width: 640px) { .a { color: red; }\n.b { color: blue; }').final).toBe(1);
  });
});
