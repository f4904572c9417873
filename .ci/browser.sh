#!/usr/bin/env bash
# Headless browser for the UI tests (tests/web, marker "browser"): Debian's chromium
# and chromium-driver, installed only when missing.  The tests skip with a visible
# reason when they are still missing (e.g. no root, no network).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "chromium/chromedriver missing and not root: cannot install them" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
