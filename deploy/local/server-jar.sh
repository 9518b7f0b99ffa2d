#!/usr/bin/env bash
# Java servers that tests start from their executable jars on Maven Central (no Docker, no binary downloads):
#   s3mock   Adobe's S3Mock, an S3-compatible store, for the S3 storage of attachments and import chunk files
#   zipkin   Zipkin's server (in-memory storage), for the trace tests
# A jar is fetched once into the cache.
#
#   deploy/local/server-jar.sh s3mock|zipkin   fetch the jar if missing and print its path
#
# Tests start their own server from it (libs/testing startS3Mock, startZipkin), on free ports, and stop it with them.
# Env: KZ_CACHE_DIR (~/.cache/kaizala). Needs Java 17 and Maven 3.6+.
set -euo pipefail

log() { printf 'server-jar.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

case "${1:-}" in
  s3mock) ARTIFACT=com.adobe.testing:s3mock:4.12.4 ;; # the newest that runs on Java 17 (5.x needs Java 25)
  zipkin) ARTIFACT=io.zipkin:zipkin-server:3.6.1 ;;
  *)
    printf 'usage: %s s3mock|zipkin\n' "$0" >&2
    exit 2
    ;;
esac

IFS=: read -r _ NAME VERSION <<<"$ARTIFACT"
CACHE_DIR="${KZ_CACHE_DIR:-$HOME/.cache/kaizala}/$NAME-$VERSION"
JAR="$CACHE_DIR/$NAME-$VERSION-exec.jar"

if [[ ! -f $JAR ]]; then
  command -v mvn >/dev/null || die "mvn not found; Maven 3.6+ is needed to fetch $NAME from Maven Central"
  log "fetching $NAME $VERSION from Maven Central into $CACHE_DIR (one-off)"
  mkdir -p "$CACHE_DIR"
  # Into a temporary directory first, so that an interrupted download never passes for the jar.
  tmp="$(mktemp -d "$CACHE_DIR/fetch.XXXXXX")"
  mvn -q -B dependency:copy -Dartifact="$ARTIFACT:jar:exec" -DoutputDirectory="$tmp" >"$CACHE_DIR/mvn.log" 2>&1 || {
    cat "$CACHE_DIR/mvn.log" >&2
    rm -rf "$tmp"
    die "Maven could not fetch $NAME from Maven Central (see above)"
  }
  mv "$tmp/$NAME-$VERSION-exec.jar" "$JAR"
  rm -rf "$tmp"
fi
printf '%s\n' "$JAR"
