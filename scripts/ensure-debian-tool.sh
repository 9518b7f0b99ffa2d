#!/usr/bin/env bash
# Installs Debian packages as root when the program they provide is missing: `ensure-debian-tool.sh <program path>
# <package>...`. The tests and benchmarks need a few such programs (Chromium, promtool); nothing downloads its own.
set -euo pipefail
program="$1"
shift
if [ -x "$program" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure: $program is missing; install Debian's $* as root (apt-get install $*)" >&2
  exit 1
fi
echo "ensure: installing Debian's $*" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 || {
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}
