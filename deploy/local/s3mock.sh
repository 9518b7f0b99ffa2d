#!/usr/bin/env bash
# Adobe's S3Mock, an S3-compatible server in one executable jar from Maven Central, for tests of the S3 storage of
# attachments and import chunk files (no Docker, no MinIO binary download). The jar is fetched once into the cache.
#
#   deploy/local/s3mock.sh jar    fetch the jar if missing and print its path
#
# Tests start their own server from it (libs/testing startS3Mock), on free ports, and stop it with them.
# Env: KZ_CACHE_DIR (~/.cache/kaizala). Needs Java 17 and Maven 3.6+.
set -euo pipefail

S3MOCK_VERSION=4.12.4 # the newest that runs on Java 17 (5.x needs Java 25)

CACHE_DIR="${KZ_CACHE_DIR:-$HOME/.cache/kaizala}/s3mock-$S3MOCK_VERSION"
JAR="$CACHE_DIR/s3mock-$S3MOCK_VERSION-exec.jar"

log() { printf 's3mock.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

fetch_jar() {
  [[ -f $JAR ]] && return 0
  command -v mvn >/dev/null || die "mvn not found; Maven 3.6+ is needed to fetch S3Mock from Maven Central"
  log "fetching S3Mock $S3MOCK_VERSION from Maven Central into $CACHE_DIR (one-off)"
  mkdir -p "$CACHE_DIR"
  # Into a temporary directory first, so that an interrupted download never passes for the jar.
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/fetch.XXXXXX")"
  mvn -q -B dependency:copy -Dartifact="com.adobe.testing:s3mock:$S3MOCK_VERSION:jar:exec" -DoutputDirectory="$tmp" \
    >"$CACHE_DIR/mvn.log" 2>&1 || {
    cat "$CACHE_DIR/mvn.log" >&2
    rm -rf "$tmp"
    die "Maven could not fetch S3Mock from Maven Central (see above)"
  }
  mv "$tmp/s3mock-$S3MOCK_VERSION-exec.jar" "$JAR"
  rm -rf "$tmp"
}

case "${1:-}" in
  jar)
    fetch_jar
    printf '%s\n' "$JAR"
    ;;
  *)
    printf 'usage: %s jar\n' "$0" >&2
    exit 2
    ;;
esac
