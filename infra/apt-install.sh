#!/usr/bin/env bash
#
# apt-install.sh PACKAGE...: installs Debian's packages with apt-get, as root, for the build's own
# scripts (infra/browser-tests/chromium.sh, infra/database-dump/pg-dump.sh), which the build may run
# at the same time: one apt-get of theirs at a time, on /tmp/passerelle-apt.lock, and dpkg's own lock
# waited for (up to ten minutes) rather than failed on. Everything it says goes to stderr.
set -euo pipefail

(($# > 0)) || { echo "usage: apt-install.sh PACKAGE..." >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive
exec 8>/tmp/passerelle-apt.lock
flock 8
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >/dev/null
