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
  export DEBIAN_FRONTEND=noninteractive
  # One apt-get of the build at a time (pg-dump.sh may install its tools meanwhile), and dpkg's
  # own lock waited for rather than failed on.
  exec 8>/tmp/passerelle-apt.lock
  flock 8
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  flock -u 8
  [[ -x $CHROMIUM ]] || { echo "browser tests: $CHROMIUM is still missing after apt-get install" >&2; exit 1; }
  exit 0
fi
cat >&2 <<'MESSAGE'
browser tests: Chromium is missing (/usr/bin/chromium). Install Debian's packages, then run again:
  sudo apt-get update && sudo apt-get install -y chromium chromium-driver
(or skip the browser tests with -DskipITs)
MESSAGE
exit 1
