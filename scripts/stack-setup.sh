# Sourced by start.sh, bench.sh and drill.sh from the repository root: installs
# what is missing, brings up PostgreSQL, Redis and Kafka, puts Node 24 first on
# PATH, sets the Node options every process of the stack runs with, and builds.

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
bash scripts/ensure-deps.sh
bash deploy/local/up.sh
# node_modules/.bin/node is Node 24 (the `node` devDependency); tsc runs on it too.
PATH="$PWD/node_modules/.bin:$PATH"
# V8's young generation capped at 8 MiB per semi-space (the Dockerfile sets the
# same): 20–35 % lower peaks in a large import, no slower (README, "Memory").
export NODE_OPTIONS="--max-semi-space-size=8${NODE_OPTIONS:+ $NODE_OPTIONS}"
# At most two glibc malloc arenas per process (the Dockerfile sets the same):
# V8's and libuv's helper threads otherwise each keep an arena of freed memory
# (README, "Memory").
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
tsc -b
