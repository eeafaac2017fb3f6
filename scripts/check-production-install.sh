#!/usr/bin/env bash
# CI (issue 19): a production install without dev dependencies starts from the prebuilt dist/.
# Builds dist/ here (dev dependencies present), copies the release into a temp directory, runs
# `npm ci --omit=dev` there (from the npm cache), checks the builders are absent, then `npm start`
# must answer /api/health/ready and serve the web client. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

node scripts/start.mjs --build

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gg-prod-install-XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The release: sources, scripts, assets, migrations and the built dist/ — no node_modules, no data.
tar -C "$root" --exclude=./node_modules --exclude=./data --exclude=./.git --exclude=./test --exclude=./bench -cf - . | tar -C "$tmp" -xf -
cd "$tmp"
npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error
for dev in vite vitest typescript drizzle-kit @vitejs/plugin-react; do
  if [ -e "node_modules/$dev" ]; then echo "dev dependency $dev was installed by --omit=dev" >&2; exit 1; fi
done

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
DATA_DIR="$tmp/data" PORT="$port" HOST=127.0.0.1 RUN_WORKERS=false LOG_LEVEL=warn npm start >"$tmp/start.log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$port/api/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
if ! curl -fsS "http://127.0.0.1:$port/api/health/ready"; then
  echo "production start failed:" >&2; cat "$tmp/start.log" >&2; exit 1
fi
echo
grep -q '使用已构建的 dist/' "$tmp/start.log" || { echo "start.mjs did not use the prebuilt dist/" >&2; cat "$tmp/start.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root"' || { echo "web client not served" >&2; exit 1; }
echo "production install (npm ci --omit=dev && npm start): ok"
