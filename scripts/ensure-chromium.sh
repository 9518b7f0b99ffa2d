#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests and the web app's benchmark when it is missing. Playwright
# drives it at /usr/bin/chromium: nothing here downloads a browser of Playwright's own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "chromium: /usr/bin/chromium is missing; install Debian's chromium package (apt-get install chromium) as root" >&2
  exit 1
fi
echo "chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends chromium fonts-liberation >/dev/null 2>&1 || {
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends chromium fonts-liberation >/dev/null
}
/usr/bin/chromium --version >&2
