#!/usr/bin/env bash
# `npm start`: installs what is missing, brings up PostgreSQL, Redis and Kafka,
# builds the services and the web app, then runs the subgraphs (each migrates
# its own database at start) and the gateway, which serves the web app, and
# prints where to reach them. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "start: installing what is missing, bringing up PostgreSQL, Redis and Kafka, building" >&2
source scripts/stack-setup.sh
npm run --silent compose:check -w @kz/gateway
echo "start: building the web app" >&2
npm run --silent build -w @kz/portal >/dev/null

# The services on their fixed ports in the topology's order (libs/stack), printing
# where to reach them; Ctrl-C, or any service exiting, stops them all.
exec node libs/stack/dist/start.js
