#!/usr/bin/env bash
# `npm run bench -- [--smoke] [scenario...]`: installs what is missing, brings
# up PostgreSQL, Redis and Kafka, builds, then runs the benchmark runner
# (bench/src/runner.ts) with Node 24. It starts the stack on ports, a Kafka
# namespace and databases of its own and removes them again at the end.
# Results: bench/results/<timestamp>.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stack-setup.sh
# The web-app scenario drives Debian's Chromium.
bash scripts/ensure-chromium.sh
# The webhooks scenario's HTTPS receiver gets a certificate made with openssl.
bash scripts/ensure-debian-tool.sh /usr/bin/openssl openssl
tsc -b bench
# The web-app scenario loads the built web app from the gateway: build it when missing or older than its sources.
if [ ! -f services/portal/dist/index.html ] || [ -n "$(find services/portal/src services/portal/index.html -newer services/portal/dist/index.html -print -quit)" ]; then
  echo "bench: building the web app" >&2
  npm run --silent build -w @kz/portal >/dev/null
fi
exec node bench/dist/runner.js --no-setup "$@"
