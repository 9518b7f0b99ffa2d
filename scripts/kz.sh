#!/usr/bin/env bash
# `npm run kz -- import FILE --org ORG [--group GROUP] [--dry-run]`,
# `npm run kz -- export --org ORG [--out FILE]` and
# `npm run kz -- import-chat FILE --org ORG [--dry-run] [--map "Name=+number"]`:
# the administrators' command line (cli/), built and run on the project's Node 24.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh >&2
PATH="$PWD/node_modules/.bin:$PATH"
tsc -b cli >&2
exec node cli/dist/main.js "$@"
