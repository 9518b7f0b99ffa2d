#!/usr/bin/env bash
# Brings up what the stack needs on this machine, without Docker: PostgreSQL and
# Redis (the ones already listening are used as they are), and a single-node
# Kafka broker from the official jars. Safe to run again: what runs is left alone.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KZ_CACHE_DIR:-$HOME/.cache/kaizala}"
PG_PORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"

log() { printf 'up: %s\n' "$*" >&2; }

as_root_install() {
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing $* from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || {
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
    }
  else
    log "please install: $*"
    return 1
  fi
}

postgres_up() {
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then return 0; fi
  command -v pg_isready >/dev/null || as_root_install postgresql
  # A Debian cluster that is installed but stopped.
  if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local version
    version="$(pg_lsclusters -h | awk 'NR==1 {print $1}')"
    log "starting PostgreSQL cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else
    # No cluster: a private one in the cache, trust auth on loopback only.
    local bindir data
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    data="$CACHE/postgres"
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      chown -R postgres "$data" 2>/dev/null || true
      runuser_pg "$bindir/initdb" -D "$data" -U postgres --auth=trust >/dev/null
    fi
    runuser_pg "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0; sleep 0.5; done
  log "PostgreSQL did not come up on 127.0.0.1:$PG_PORT"
  return 1
}

runuser_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

redis_up() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then return 0; fi
  command -v redis-server >/dev/null || as_root_install redis-server
  mkdir -p "$CACHE/redis"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$CACHE/redis" --logfile "$CACHE/redis/redis.log"
  for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.25; done
  log "Redis did not come up on 127.0.0.1:$REDIS_PORT"
  return 1
}

kafka_up() {
  command -v java >/dev/null || as_root_install openjdk-17-jre-headless
  command -v mvn >/dev/null || as_root_install maven
  bash "$HERE/kafka.sh" start
}

postgres_up
redis_up
kafka_up
log "PostgreSQL 127.0.0.1:$PG_PORT, Redis 127.0.0.1:$REDIS_PORT, Kafka 127.0.0.1:${KAFKA_PORT:-9092} are up"
