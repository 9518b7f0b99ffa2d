#!/usr/bin/env bash
# `npm test`: installs what is missing (Debian's Chromium included), brings up
# PostgreSQL, Redis and Kafka, checks types, the composed supergraph, the web
# app's generated operation types and the subgraphs' generated resolver types,
# then runs every test: unit, integration and end-to-end (Jest), the web app in
# Chromium (Playwright), and a benchmark smoke run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export NODE_ENV=test

bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
# promtool (Debian's prometheus package) checks every service's /metrics in the tests.
bash scripts/ensure-debian-tool.sh /usr/bin/promtool prometheus
# kubectl (Debian's kubernetes-client) renders the Kustomize packaging in deploy/kubernetes for its test.
bash scripts/ensure-debian-tool.sh /usr/bin/kubectl kubernetes-client
bash deploy/local/up.sh
# The jars (Maven Central) of S3Mock, the S3-compatible server of the object-storage tests, and of Zipkin, the
# trace tests' collector, fetched once into the cache.
bash deploy/local/server-jar.sh s3mock >/dev/null
bash deploy/local/server-jar.sh zipkin >/dev/null
PATH="$PWD/node_modules/.bin:$PATH"

echo "test: type-checking every project and every test" >&2
tsc -b
tsc -p tsconfig.test.json
tsc -p services/portal/tsconfig.json
tsc -p services/portal/tsconfig.test.json
echo "test: checking the committed supergraph against the subgraphs' SDL" >&2
npm run --silent compose:check -w @kz/gateway
echo "test: checking the web app's generated operation types against the public schema" >&2
(cd services/portal && graphql-codegen --config codegen.ts --check >/dev/null) || {
  echo "test: services/portal/src/gql is out of date: run \`npm run codegen -w @kz/portal\` and commit the result" >&2
  exit 1
}
echo "test: checking each subgraph's generated resolver types against its SDL" >&2
for service in identity groups messaging import webhooks; do
  (cd "services/$service" && graphql-codegen --config codegen.ts --check >/dev/null) || {
    echo "test: services/$service/src/generated is out of date: run \`npm run codegen -w @kz/$service-service\` and commit the result" >&2
    exit 1
  }
done
echo "test: linting" >&2
eslint --max-warnings=0 .
echo "test: checking formatting (Prettier)" >&2
prettier --check --log-level=warn . || {
  echo "test: the files above are not formatted: run \`npx prettier --write .\` and commit the result" >&2
  exit 1
}

# Integration and end-to-end specs share one Kafka broker and stop it in the
# outage drill, so they run one file at a time.
jest --runInBand "$@"
echo "test: the web app in Chromium" >&2
(cd services/portal && vite build --logLevel warn)
playwright test -c services/portal/playwright.config.ts
echo "test: benchmark smoke run" >&2
npm run --silent bench -- --smoke
