#!/usr/bin/env bash
# `npm test`: installs what is missing, brings up PostgreSQL, Redis and Kafka,
# checks types and the composed supergraph, then runs every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export NODE_ENV=test

bash scripts/ensure-deps.sh
bash deploy/local/up.sh
PATH="$PWD/node_modules/.bin:$PATH"

echo "test: type-checking every project and every test" >&2
tsc -b
tsc -p tsconfig.test.json
echo "test: checking the committed supergraph against the subgraphs' SDL" >&2
npm run --silent compose:check -w @kz/gateway
echo "test: linting" >&2
eslint --max-warnings=0 .

# Integration and end-to-end specs share one Kafka broker and stop it in the
# outage drill, so they run one file at a time.
jest --runInBand "$@"
echo "test: benchmark smoke run" >&2
npm run --silent bench -- --smoke
