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

GATEWAY_ORIGIN="http://127.0.0.1:${GATEWAY_PORT:-4000}"
# Clients upload and download files through the gateway's origin, which passes them on to their services.
export IMPORT_PUBLIC_URL="${IMPORT_PUBLIC_URL:-$GATEWAY_ORIGIN}"
export ATTACHMENTS_PUBLIC_URL="${ATTACHMENTS_PUBLIC_URL:-$GATEWAY_ORIGIN}"

LOG_DIR="${KZ_LOG_DIR:-$PWD/tmp/logs}"
mkdir -p "$LOG_DIR"
pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'echo "start: stopping the services" >&2; stop_all; exit 130' INT TERM
trap stop_all EXIT

launch() { # name entry
  node "$2" >>"$LOG_DIR/$1.log" 2>&1 &
  pids+=($!)
}
wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS "$2" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "start: $1 did not become ready at $2; see $LOG_DIR/$1.log" >&2
  tail -20 "$LOG_DIR/$1.log" >&2 || true
  exit 1
}

launch identity services/identity/dist/main.js
wait_ready identity http://127.0.0.1:${IDENTITY_PORT:-4001}/readyz
launch groups services/groups/dist/main.js
launch messaging services/messaging/dist/main.js
launch import services/import/dist/main.js
wait_ready groups http://127.0.0.1:${GROUPS_PORT:-4002}/readyz
wait_ready messaging http://127.0.0.1:${MESSAGING_PORT:-4003}/readyz
wait_ready import http://127.0.0.1:${IMPORT_PORT:-4004}/readyz
launch gateway gateway/dist/main.js
wait_ready gateway http://127.0.0.1:${GATEWAY_PORT:-4000}/readyz

GATEWAY="$GATEWAY_ORIGIN/graphql"
cat <<MSG

  Kaizala-class work chat is running.

  Web app           $GATEWAY_ORIGIN/   (sign in with a phone number; the page links to the dev SMS sink for the code)
  GraphQL gateway   $GATEWAY
  identity          http://127.0.0.1:${IDENTITY_PORT:-4001}/graphql   (dev SMS sink: /dev/sms?phone=...)
  groups            http://127.0.0.1:${GROUPS_PORT:-4002}/graphql
  messaging         http://127.0.0.1:${MESSAGING_PORT:-4003}/graphql
  import            http://127.0.0.1:${IMPORT_PORT:-4004}/graphql
  logs              $LOG_DIR

  First query to try (asks for a sign-in code; read it at the dev SMS sink):

    curl -s $GATEWAY -H 'content-type: application/json' \\
      -d '{"query":"mutation { requestSignInCode(input: { phone: \\"+14155550123\\" }) { expiresInSeconds } }"}'
    curl -s 'http://127.0.0.1:${IDENTITY_PORT:-4001}/dev/sms?phone=%2B14155550123'

  Ctrl-C stops the services (PostgreSQL, Redis and Kafka keep running;
  'npm run infra:down' stops Kafka).
MSG
wait -n "${pids[@]}" || true
echo "start: a service exited; stopping the rest (see $LOG_DIR)" >&2
