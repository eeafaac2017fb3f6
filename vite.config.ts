import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * Writes `.gz` and `.br` next to every text asset of the build, so the server can send them
 * precompressed (@fastify/static `preCompressed: true`) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'gongguan-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir;
      if (!dir) return;
      const walk = (d: string): string[] =>
        readdirSync(d).flatMap((name) => {
          const full = path.join(d, name);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/**
 * The web client. `index.html` at the repo root loads `src/web/main.tsx`; the build goes to
 * `dist/web`, which the server serves. Role apps are lazy routes; heavy libraries get their own
 * chunks so the public portal and the login page stay light.
 */
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  publicDir: false,
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: path.join(root, 'index.html'),
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
