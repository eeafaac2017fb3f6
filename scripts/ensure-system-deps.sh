#!/usr/bin/env bash
# System packages the tests use, from Debian by name: poppler-utils (pdftotext, to read generated
# PDFs back) and chromium (browser suite). Never downloads a browser build of its own.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${1:-}" = "--browser" ] || [ "${CI:-}" = "true" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "请先安装系统软件包：sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing ${need[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
