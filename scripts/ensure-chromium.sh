#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests and the web app's benchmark when it is missing. Playwright
# drives it at /usr/bin/chromium: nothing here downloads a browser of Playwright's own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-debian-tool.sh" /usr/bin/chromium chromium fonts-liberation
/usr/bin/chromium --version >&2
