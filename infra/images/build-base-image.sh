#!/usr/bin/env bash
# Builds the services' base image, a Java 17 runtime on a minimal root file system, from Debian's
# own packages, as a `docker save` tarball that Jib takes as its base (from.image tar://...).
#
# No container registry is needed: the packages come from the machine's Debian sources (apt), the
# layer is a plain tar made reproducible (sorted, dated at 0, owned by root), and the image's
# config and manifest are written here. See docs/adr/0026-images-without-a-registry.md.
#
#   build-base-image.sh OUTPUT_TAR
#
# PASSERELLE_BASE_PACKAGES overrides the package list (name or name=version, space separated).
set -euo pipefail

readonly OUTPUT="$(realpath -m -- "${1:?usage: build-base-image.sh OUTPUT_TAR}")"
readonly JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64
# What the JVM and its native libraries link against (ldd of java, libjvm.so and lib/*.so), and the
# runtime itself. Nothing else: no shell, no package manager.
readonly PACKAGES="${PASSERELLE_BASE_PACKAGES:-libc6 libgcc-s1 libstdc++6 zlib1g openjdk-17-jre-headless}"
readonly CA_CERTIFICATES=/etc/ssl/certs/java/cacerts

die() {
  printf 'build-base-image: %s\n' "$*" >&2
  exit 1
}

command -v apt-get >/dev/null || die "needs Debian's apt-get to fetch the packages"
command -v dpkg-deb >/dev/null || die "needs dpkg-deb to unpack the packages"
[[ -r $CA_CERTIFICATES ]] ||
  die "$CA_CERTIFICATES is missing: install Debian's ca-certificates-java, which makes it"

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/debs" "$work/rootfs" "$work/image"

# apt-get download writes into the current directory, as the _apt user when it can.
chmod 777 "$work/debs"
# shellcheck disable=SC2086 # the list is meant to split
(cd "$work/debs" && apt-get download -q $PACKAGES >/dev/null) ||
  die "apt-get download $PACKAGES failed (run 'apt-get update' first?)"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$work/rootfs"
done

rootfs="$work/rootfs"
# What the packages' maintainer scripts would have done: Debian's java symlink, the CA store that
# ca-certificates-java generates (taken from this machine, where it did), /tmp, the usual
# merged-/usr links and the unprivileged user the services run as.
mkdir -p "$rootfs/usr/bin" "$rootfs/etc/ssl/certs/java" "$rootfs/tmp" "$rootfs/app" "$rootfs/proc" \
  "$rootfs/sys" "$rootfs/dev"
ln -sfn "$JAVA_HOME_IN_IMAGE/bin/java" "$rootfs/usr/bin/java"
cp "$CA_CERTIFICATES" "$rootfs/etc/ssl/certs/java/cacerts"
chmod 1777 "$rootfs/tmp"
for dir in bin lib lib64 sbin; do
  if [[ -d $rootfs/$dir && ! -L $rootfs/$dir ]]; then
    cp -a "$rootfs/$dir/." "$rootfs/usr/$dir/" && rm -rf -- "${rootfs:?}/$dir"
  fi
  [[ -e $rootfs/usr/$dir ]] && ln -sfn "usr/$dir" "$rootfs/$dir"
done
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\npasserelle:x:10001:10001::/app:/usr/sbin/nologin\n' \
  >"$rootfs/etc/passwd"
printf 'root:x:0:\npasserelle:x:10001:\n' >"$rootfs/etc/group"
# The documentation, manual pages and the packages' maintainer files are not needed to run.
rm -rf -- "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" \
  "$rootfs/usr/share/locale"

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$rootfs" -cf "$work/image/layer.tar" .
layer_digest="$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
mkdir -p "$work/image/$layer_digest"
mv "$work/image/layer.tar" "$work/image/$layer_digest/layer.tar"

versions="$(for deb in "$work"/debs/*.deb; do
  printf '%s=%s ' "$(dpkg-deb -f "$deb" Package)" "$(dpkg-deb -f "$deb" Version)"
done)"
versions="${versions% }"
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME_IN_IMAGE","LANG=C.UTF-8"],
  "User":"10001:10001","WorkingDir":"/app",
  "Labels":{"org.opencontainers.image.title":"passerelle-jre-base","org.opencontainers.image.description":"Debian packages: $versions"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_digest"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"infra/images/build-base-image.sh: $versions"}]}
JSON
config_digest="$(sha256sum "$work/image/config.json" | cut -d' ' -f1)"
mv "$work/image/config.json" "$work/image/$config_digest.json"
printf '[{"Config":"%s.json","RepoTags":["passerelle/jre-base:17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_digest" "$layer_digest" >"$work/image/manifest.json"

mkdir -p "$(dirname -- "$OUTPUT")"
(cd "$work/image" && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
  -cf "$OUTPUT.part" manifest.json "$config_digest.json" "$layer_digest")
mv "$OUTPUT.part" "$OUTPUT"
printf 'build-base-image: %s (%s MB): %s\n' "$OUTPUT" "$(($(stat -c %s "$OUTPUT") / 1048576))" "$versions"
