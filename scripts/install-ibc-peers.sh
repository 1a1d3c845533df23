#!/usr/bin/env bash
# Installs the IBC counterparties the interchain tests run against: ibc-go's simd v8.8.0 and
# the Go relayer v2.6.0. Each binary is built once per machine into a cache outside the
# checkout (keyed by version) and linked into the project-local .bin/. Idempotent.
# Needs Go and the Go module proxy.
set -euo pipefail

SIMD_VERSION="v8.8.0"
RLY_VERSION="v2.6.0"
RLY_RELEASE_TIME="2024-12-20T16:17:43Z"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.bin"
CACHE="${ZONEKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zonekit}"
mkdir -p "$BIN_DIR" "$CACHE"

if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is required to build simd and the relayer (https://go.dev/dl/)" >&2
  exit 1
fi

link() { ln -sf "$1" "$BIN_DIR/$2"; }

install_simd() {
  local dir="$CACHE/simd-$SIMD_VERSION"
  if [[ -x "$dir/simd" ]]; then link "$dir/simd" simd; echo "simd $SIMD_VERSION already installed"; return; fi
  echo "installing simd $SIMD_VERSION (ibc-go testing simapp; compiling takes a few minutes)"
  # ibc-go's go.mod has a replace directive, so `go install` refuses it: build inside a
  # throwaway module that carries the same replace.
  local work; work="$(mktemp -d)"
  (
    cd "$work"
    cat > go.mod <<MOD
module zonekit.local/simd

go 1.22

require github.com/cosmos/ibc-go/v8 $SIMD_VERSION

replace github.com/syndtr/goleveldb => github.com/syndtr/goleveldb v1.0.1-0.20210819022825-2ae1ddf74ef7
MOD
    go get "github.com/cosmos/ibc-go/v8/testing/simapp/simd@$SIMD_VERSION" </dev/null
    mkdir -p "$dir.tmp"
    go build -o "$dir.tmp/simd" github.com/cosmos/ibc-go/v8/testing/simapp/simd </dev/null
  )
  rm -rf "$work" "$dir"
  mv "$dir.tmp" "$dir"
  link "$dir/simd" simd
  echo "installed: simd $SIMD_VERSION"
}

install_rly() {
  local dir="$CACHE/relayer-$RLY_VERSION"
  if [[ -x "$dir/rly" ]]; then link "$dir/rly" rly; echo "rly $RLY_VERSION already installed"; return; fi
  echo "installing the Go relayer $RLY_VERSION (compiling takes a few minutes)"
  # `go install` reads the module's version list for deprecation notices, and the module proxy
  # refuses that list for this module: serve it from a local file proxy placed first. The proxy
  # also needs the version's .info: without it Go takes the file proxy's answer as "not found"
  # and asks the next proxy for the list (it only worked with a warm module cache).
  local proxy; proxy="$(mktemp -d)"
  mkdir -p "$proxy/github.com/cosmos/relayer/v2/@v"
  echo "$RLY_VERSION" > "$proxy/github.com/cosmos/relayer/v2/@v/list"
  echo "{\"Version\":\"$RLY_VERSION\",\"Time\":\"$RLY_RELEASE_TIME\"}" > "$proxy/github.com/cosmos/relayer/v2/@v/$RLY_VERSION.info"
  mkdir -p "$dir.tmp"
  GOBIN="$dir.tmp" GOPROXY="file://$proxy,$(go env GOPROXY)" \
    go install "github.com/cosmos/relayer/v2@$RLY_VERSION" </dev/null
  mv "$dir.tmp/relayer" "$dir.tmp/rly"
  rm -rf "$proxy" "$dir"
  mv "$dir.tmp" "$dir"
  link "$dir/rly" rly
  echo "installed: rly $RLY_VERSION"
}

install_simd
install_rly
