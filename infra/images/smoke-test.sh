#!/usr/bin/env bash
# Runs an image built by `./mvnw -Pimages package` the way a container runtime would, without
# one: its layers unpacked into a root file system, its entrypoint run as its user in a chroot,
# in private mount, network and process namespaces (only loopback inside, nothing reaches out).
# Succeeds once the application answers UP on /actuator/health/readiness. Needs root (unshare).
#
#   smoke-test.sh IMAGE_TAR PORT [VAR=VALUE ...]
#
# e.g. the gateway, which starts alone with its dev issuer:
#   infra/images/smoke-test.sh gateway/gateway-app/target/jib-image.tar 8080 SPRING_PROFILES_ACTIVE=dev
set -euo pipefail

readonly IMAGE="$(realpath -- "${1:?usage: smoke-test.sh IMAGE_TAR PORT [VAR=VALUE ...]}")"
readonly PORT="${2:?usage: smoke-test.sh IMAGE_TAR PORT [VAR=VALUE ...]}"
shift 2
readonly TIMEOUT_SECONDS="${SMOKE_TEST_TIMEOUT:-180}"

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work/image" "$work/rootfs"
tar -xf "$IMAGE" -C "$work/image"

# The image's layers in order, its entrypoint, user and environment, from its manifest and config.
mapfile -t config < <(python3 - "$work/image" <<'PY'
import json, shlex, sys
root = sys.argv[1]
manifest = json.load(open(f"{root}/manifest.json"))[0]
config = json.load(open(f"{root}/{manifest['Config']}"))["config"]
print(" ".join(manifest["Layers"]))
print(config.get("User", "0:0"))
print(" ".join(shlex.quote(a) for a in config["Entrypoint"]))
print(" ".join(shlex.quote(e) for e in config.get("Env", [])))
PY
)
read -r -a layers <<<"${config[0]}"
for layer in "${layers[@]}"; do
  case $layer in
    *.gz) tar --warning=no-unknown-keyword -xzf "$work/image/$layer" -C "$work/rootfs" ;;
    *) tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/rootfs" ;;
  esac
done
mkdir -p "$work/rootfs/proc" "$work/rootfs/tmp"
chmod 1777 "$work/rootfs/tmp"

echo "smoke-test: $(basename -- "$(dirname -- "$(dirname -- "$IMAGE")")"): ${config[2]}"
export SMOKE_ROOT="$work/rootfs" SMOKE_USER="${config[1]}" SMOKE_ENTRYPOINT="${config[2]}" \
  SMOKE_ENV="${config[3]}" SMOKE_PORT="$PORT" SMOKE_EXTRA="$*" \
  SMOKE_TIMEOUT="$TIMEOUT_SECONDS" SMOKE_LOG="$work/application.log"
# shellcheck disable=SC2016 # expanded by the inner shell
if ! unshare --mount --net --pid --fork bash -c '
  set -euo pipefail
  ip link set lo up
  mount -t proc proc "$SMOKE_ROOT/proc"
  eval "environment=($SMOKE_ENV SERVER_PORT=$SMOKE_PORT $SMOKE_EXTRA)"
  eval "entrypoint=($SMOKE_ENTRYPOINT)"
  env -i "${environment[@]}" /usr/sbin/chroot --userspec="$SMOKE_USER" "$SMOKE_ROOT" \
    "${entrypoint[@]}" >"$SMOKE_LOG" 2>&1 &
  application=$!
  for ((second = 1; second <= SMOKE_TIMEOUT; second++)); do
    if ! kill -0 "$application" 2>/dev/null; then
      echo "smoke-test: the application stopped"; exit 1
    fi
    if curl -sf "http://127.0.0.1:$SMOKE_PORT/actuator/health/readiness" >/dev/null; then
      echo "smoke-test: ready after ${second} s (/actuator/health/readiness UP)"
      kill "$application"; wait "$application" || true
      exit 0
    fi
    sleep 1
  done
  echo "smoke-test: not ready after $SMOKE_TIMEOUT s"; exit 1
'; then
  echo "smoke-test: last lines of the application's log:" >&2
  tail -n 30 -- "$work/application.log" >&2
  exit 1
fi
