#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (no browser is downloaded by a test tool). Installs it
# with its driver when it is missing and this runs as root (as CI does); otherwise says which
# command installs it, and fails.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

if [[ -x $CHROMIUM ]]; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "browser tests: installing Debian's chromium and chromium-driver"
  # pg-dump.sh may install its tools meanwhile: one apt-get at a time
  "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" chromium chromium-driver
  [[ -x $CHROMIUM ]] || { echo "browser tests: $CHROMIUM is still missing after apt-get install" >&2; exit 1; }
  exit 0
fi
cat >&2 <<'MESSAGE'
browser tests: Chromium is missing (/usr/bin/chromium). Install Debian's packages, then run again:
  sudo apt-get update && sudo apt-get install -y chromium chromium-driver
(or skip the browser tests with -DskipITs)
MESSAGE
exit 1
