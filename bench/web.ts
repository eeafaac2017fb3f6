/**
 * Figure 6 — web weight and first paint. Weight: gzipped JS the login page and the public portal
 * need, two ways: (a) static — dist/web/index.html's module scripts and modulepreloads plus their
 * static imports, followed through the built chunks; (b) observed — every script chromium actually
 * fetches to render the route (this includes the route's lazy chunks, without a Vite manifest).
 * Paint: first-contentful-paint from the Performance API in headless chromium on loopback.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median, ROOT } from './lib';

export const DIST = path.join(ROOT, 'dist/web');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Builds what `npm start` would build (web client and server bundle, each only when stale), so
 * that start-up is measured on a built installation, as a deployment runs it.
 */
export function ensureBuild(): { built: boolean; ms: number } {
  const before = existsSync(path.join(DIST, 'index.html')) && existsSync(path.join(ROOT, 'dist/server/main.js'));
  const t = performance.now();
  execFileSync(process.execPath, ['scripts/start.mjs', '--build'], { cwd: ROOT, stdio: 'inherit' });
  const ms = performance.now() - t;
  return { built: !before || ms > 1000, ms };
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** JS reachable from index.html through static imports only (what every route pays). */
export function staticEntryJs(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const stack = refs.map((r) => path.join(DIST, r.replace(/^\//, '')));
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const src = readFileSync(f, 'utf8');
    // static imports only: `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`)
    for (const m of src.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) stack.push(path.resolve(path.dirname(f), m[1]));
  }
  const files = [...seen];
  return { files: files.map((f) => path.relative(DIST, f)), gzipBytes: files.reduce((n, f) => n + gz(f), 0) };
}

const FCP_SCRIPT = `new Promise((resolve) => {
  const get = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  const now = get();
  if (now !== undefined) return resolve(now);
  new PerformanceObserver((list) => {
    const e = list.getEntriesByName('first-contentful-paint')[0];
    if (e) resolve(e.startTime);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(() => resolve(get() ?? NaN), 10000);
})`;

export interface RouteWeight {
  route: string;
  jsFiles: number;
  gzipBytes: number;
  fcpMs: number[];
}

export async function measureRoutes(baseUrl: string, routes: string[], runs: number): Promise<RouteWeight[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  const out: RouteWeight[] = [];
  try {
    for (const route of routes) {
      const fcp: number[] = [];
      let js = new Set<string>();
      for (let r = 0; r < runs + 1; r++) {
        const context = await browser.newContext(); // cold cache each time
        const page = await context.newPage();
        const seen = new Set<string>();
        page.on('request', (req) => {
          if (req.resourceType() === 'script') seen.add(new URL(req.url()).pathname);
        });
        await page.goto(`${baseUrl}${route}`, { waitUntil: 'load' });
        // a string, not a function: tsx/esbuild would inject helpers (__name) the page does not have
        const v = Number(await page.evaluate(FCP_SCRIPT));
        await page.waitForLoadState('networkidle').catch(() => undefined);
        if (r > 0) fcp.push(v); // the first load warms the server's static file cache
        js = seen;
        await context.close();
      }
      const files = [...js].map((p) => path.join(DIST, p.replace(/^\//, ''))).filter((f) => existsSync(f));
      out.push({ route, jsFiles: files.length, gzipBytes: files.reduce((n, f) => n + gz(f), 0), fcpMs: fcp });
    }
  } finally {
    await browser.close();
  }
  return out;
}

export { median };
