// `npm start`: build whatever is stale (web client with Vite, server bundle with esbuild), then
// run the built server with plain Node. Plain JavaScript on purpose: no TypeScript loader is
// needed at start, which is what made start-up slow (issue #6 figure 4: < 3 s on existing data).
//
//   node scripts/start.mjs            build if stale, then serve
//   node scripts/start.mjs --build    build if stale, then exit (CI, packaging)
//   node scripts/start.mjs --force    rebuild both, then serve
//
// Production install without dev dependencies (`npm ci --omit=dev && npm start`, issue 19): the
// builders (Vite) are not installed, so the prebuilt `dist/` shipped with the release is served as
// it is — build it where dev dependencies are installed (`npm ci && npm run build`) and copy `dist/`
// along. Without a builder and without `dist/` this stops with a message saying so.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const force = args.has('--force');

/** Newest modification time under the given files/directories (0 when none exist). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(path.join(p, name));
    } else if (st.mtimeMs > max) max = st.mtimeMs;
  };
  for (const p of paths) visit(path.join(root, p));
  return max;
}

function stale(output, inputs) {
  const out = path.join(root, output);
  return force || !existsSync(out) || statSync(out).mtimeMs < newest(inputs);
}

const SHARED_INPUTS = ['src/shared', 'src/domain', 'package-lock.json', 'tsconfig.json'];

function say(message) {
  process.stdout.write(`${message}\n`);
}

const WEB_BUNDLE = 'dist/web/index.html';
const SERVER_BUNDLE = 'dist/server/main.js';
const VITE = path.join(root, 'node_modules/vite/bin/vite.js');
const canBuild = existsSync(VITE);

if (!canBuild) {
  const missing = [WEB_BUNDLE, SERVER_BUNDLE].filter((p) => !existsSync(path.join(root, p)));
  if (args.has('--build') || force || missing.length) {
    console.error(
      `${missing.length ? `缺少已构建的文件：${missing.join('、')}。` : ''}本机未安装开发依赖（npm ci --omit=dev），无法构建。` +
        '请在构建机上运行 npm ci && npm run build，再把 dist/ 目录随程序一起部署。\n' +
        `${missing.length ? `Missing build output: ${missing.join(', ')}. ` : ''}Dev dependencies are not installed, so nothing can be built here: ` +
        'run `npm ci && npm run build` on a build machine and ship dist/ with the release.',
    );
    process.exit(1);
  }
  say('生产安装（未安装开发依赖）：使用已构建的 dist/');
} else {
  await buildIfStale();
}

if (!args.has('--build')) {
  await import(pathToFileURL(path.join(root, SERVER_BUNDLE)).href);
}

async function buildIfStale() {
  if (stale(WEB_BUNDLE, ['src/web', 'index.html', 'vite.config.ts', 'public', ...SHARED_INPUTS])) {
    say('正在构建网页端（首次启动或源代码有更新）…');
    const r = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('网页端构建失败');
      process.exit(r.status ?? 1);
    }
  }

  if (stale(SERVER_BUNDLE, ['src/server', ...SHARED_INPUTS, 'scripts/start.mjs'])) {
    say('正在构建服务端…');
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(root, 'src/server/main.ts')],
      outfile: path.join(root, SERVER_BUNDLE),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies load from node_modules as usual (native addons, wasm and data files stay put).
      packages: 'external',
      sourcemap: true,
      legalComments: 'none',
      logLevel: 'warning',
      tsconfig: path.join(root, 'tsconfig.json'),
    });
  }
}
