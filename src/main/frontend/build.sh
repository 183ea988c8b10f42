#!/usr/bin/env bash
# Builds the web app into the directory given (Maven passes target/classes/static, so the jar serves it at /).
# npm ci only when the dependencies changed since the last install.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:?usage: build.sh <output directory>}"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx --no-install vite build --logLevel warn --outDir "$out" --emptyOutDir
