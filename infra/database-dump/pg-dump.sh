#!/usr/bin/env bash
# Prints the path of a pg_dump that can dump a PostgreSQL server of major version $1 (default 17,
# the embedded server's): the embedded bundle carries no client tools, Debian 12 packages only
# pg_dump 15, and a pg_dump refuses a server newer than itself. So it is built from the source Debian
# ships, postgresql-<n> for the lowest n >= $1 whose orig tarball Debian's pool serves (the suites of
# PASSERELLE_DEBIAN_SUITES, default trixie, forky and sid), checked against the sha256 of Debian's
# Sources index; only libpq and pg_dump are built, and kept in
# ${XDG_CACHE_HOME:-$HOME/.cache}/passerelle/pg_dump-$1/ for every later run (see ADR 42).
#
# Building needs gcc, make, flex, bison and perl (PostgreSQL's tarballs no longer carry the generated
# parsers); when one is missing and this runs as root (as CI does), apt-get installs it, otherwise
# this says which command installs it, and fails. Progress goes to stderr; stdout holds only the path.
#
# With --background (the build runs it so as its first step, ADR 63), $1 may be a full version
# (17.5.0): when the cache lacks that pg_dump, it is built by a process of its own, detached, logging
# to the cache's pg_dump-<major>.log, and this returns at once. A later call waits for it on the
# cache's lock, then finds it built.
set -euo pipefail

background=no
if [[ ${1:-} == --background ]]; then
  background=yes
  shift
fi
version=${1:-17}
readonly MAJOR=${version%%.*}
readonly DEBIAN_MIRROR=${PASSERELLE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
read -r -a SUITES <<<"${PASSERELLE_DEBIAN_SUITES:-trixie forky sid}"
readonly SUITES
readonly CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/passerelle
readonly PREFIX=$CACHE/pg_dump-$MAJOR
readonly BINARY=$PREFIX/bin/pg_dump

say() { echo "pg_dump $MAJOR: $*" >&2; }

[[ $MAJOR =~ ^[0-9]+$ ]] || { say "the major version must be a number, not '$MAJOR'"; exit 2; }

# The marker is written last, so a build cut short is never taken for a finished one.
if [[ -f $PREFIX/.built && -x $BINARY ]]; then
  echo "$BINARY"
  exit 0
fi

mkdir -p "$CACHE"
if [[ $background == yes ]]; then
  say "not in $PREFIX yet: building it in the background (log in $CACHE/pg_dump-$MAJOR.log)"
  setsid nohup bash "${BASH_SOURCE[0]}" "$MAJOR" >"$CACHE/pg_dump-$MAJOR.log" 2>&1 </dev/null &
  exit 0
fi
# Two test JVMs (two checkouts, or CI beside a developer) may ask at once: one builds, the other
# waits for it and then reuses its result.
exec 9>"$CACHE/pg_dump-$MAJOR.lock"
flock 9
if [[ -f $PREFIX/.built && -x $BINARY ]]; then
  echo "$BINARY"
  exit 0
fi

declare -A PACKAGE_OF=([gcc]=gcc [make]=make [flex]=flex [bison]=bison [perl]=perl [curl]=curl
  [xz]=xz-utils [bzip2]=bzip2 [sha256sum]=coreutils [flock]=util-linux)
missing=()
for tool in "${!PACKAGE_OF[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE_OF[$tool]}")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's ${missing[*]}"
    # chromium.sh may install Chromium meanwhile: one apt-get at a time
    "$(dirname "${BASH_SOURCE[0]}")/../apt-install.sh" "${missing[@]}"
  else
    cat >&2 <<MESSAGE
pg_dump $MAJOR: building it needs Debian's ${missing[*]}. Install them, then run again:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}
MESSAGE
    exit 1
  fi
fi

work=$(mktemp -d "$CACHE/pg_dump-$MAJOR.build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Every postgresql-<n> source package of the suites with n >= MAJOR, oldest major first (a pg_dump
# dumps any server up to its own major version), each as: major, directory, sha256, orig tarball.
for suite in "${SUITES[@]}"; do
  say "looking up postgresql-$MAJOR or newer in $suite's Sources index"
  # A suite whose index cannot be read (renamed, or the mirror failing) leaves the others to try.
  {
    curl -fsS --retry 3 "$DEBIAN_MIRROR/dists/$suite/main/source/Sources.xz" | xz -dc \
      | awk -v minimum="$MAJOR" '
        function emit() { if (major != "" && file != "") print major, directory, sha, file }
        /^Package: / { emit(); major = ""; directory = ""; file = "" }
        /^Package: postgresql-[0-9]+$/ { n = substr($2, 12) + 0; if (n >= minimum) major = n }
        major != "" && /^Directory: / { directory = $2 }
        major != "" && /^Checksums-Sha256:/ { sums = 1; next }
        major != "" && sums && /^ / { if ($3 ~ /\.orig\.tar\.(bz2|gz|xz)$/) { sha = $1; file = $3 } next }
        { sums = 0 }
        END { emit() }
      '
  } || say "cannot read $suite's Sources index, skipping it"
done | sort -s -n -k 1,1 | awk '!seen[$4]++' >"$work/candidates"

# Debian's pool may lack a tarball its index lists (postgresql-17's 17.12, in November 2026, was
# listed by trixie and served neither by the main archive nor by the security one): the next
# candidate is then taken.
tarball=
while read -r major directory sha256 file; do
  say "downloading $file"
  if curl -fsS --retry 3 -o "$work/$file" "$DEBIAN_MIRROR/$directory/$file" 2>"$work/curl.log"; then
    echo "$sha256  $work/$file" | sha256sum --check --quiet - >&2 \
      || { say "$file does not match the sha256 of Debian's Sources index"; exit 1; }
    tarball=$file
    break
  fi
  say "$(cat "$work/curl.log"), trying the next one"
done <"$work/candidates"
if [[ -z $tarball ]]; then
  say "no postgresql-$MAJOR or newer source could be downloaded from $DEBIAN_MIRROR (${SUITES[*]})"
  exit 1
fi
tar -xf "$work/$tarball" -C "$work"
source_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'postgres*' | head -n 1)

# Only the client: no readline, ICU, zlib or OpenSSL (a local dump over TCP signs in with
# scram-sha-256, which libpq computes with PostgreSQL's own SHA-256 and HMAC), and a plain-format
# dump needs no compression.
say "configuring $(basename "$source_dir") in $PREFIX"
rm -rf "$PREFIX"
(
  cd "$source_dir"
  ./configure --quiet --prefix="$PREFIX" --without-readline --without-icu --without-zlib \
    --without-openssl --without-lz4 --without-zstd >"$work/configure.log" 2>&1 \
    || { tail -n 30 "$work/configure.log" >&2; exit 1; }
  say "building pg_dump and libpq"
  {
    nice -n 10 make -s -j2 -C src/bin/pg_dump
    make -s -C src/interfaces/libpq install
    make -s -C src/bin/pg_dump install
  } >"$work/make.log" 2>&1 || { tail -n 30 "$work/make.log" >&2; exit 1; }
)
"$BINARY" --version >&2
touch "$PREFIX/.built"
echo "$BINARY"
