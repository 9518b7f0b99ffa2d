#!/usr/bin/env bash
# Installs the npm dependencies (including Node 24 itself, as the `node`
# package) when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.package-lock.json
if [ ! -x node_modules/.bin/node ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "deps: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
