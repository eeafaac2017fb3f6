/**
 * Where the platform's files are, found from the package root rather than from this module's own
 * location: the same code runs from `src/server/*.ts` (tsx, tests) and bundled into
 * `dist/server/main.js` (`npm start`), where relative paths from `import.meta` would differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findPackageRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gongguan') return dir;
      } catch {
        // not ours (or unreadable): keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package root of gongguan not found above ${from}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'src/server/db/migrations');
export const WEB_DIST_DIR = path.join(PACKAGE_ROOT, 'dist/web');
export const FONTS_DIR = path.join(PACKAGE_ROOT, 'assets/fonts');
