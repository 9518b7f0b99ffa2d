#!/usr/bin/env bash
# `npm run drill -- [drill...]`: installs what is missing, brings up PostgreSQL,
# Redis and Kafka, builds, then runs the fault drills (drill/src/runner.ts) with
# Node 24. Each drill starts the stack it needs on ports, a Kafka namespace and
# databases of its own, injects its fault, prints one PASS/FAIL line and
# removes what it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/stack-setup.sh
# HAProxy (Debian's package) balances the scale-out drill's replicas.
bash scripts/ensure-debian-tool.sh /usr/sbin/haproxy haproxy
tsc -b drill
exec node drill/dist/runner.js "$@"
