#!/usr/bin/env bash
# Installs the IBC counterparties the interchain tests run against: ibc-go's simd v8.8.0, the
# Go relayer v2.6.0 and Hermes 1.10.5. Each binary is built once per machine into a cache
# outside the checkout (keyed by version) and linked into the project-local .bin/. Idempotent.
# Needs Go and the Go module proxy; Hermes needs Rust (cargo) and the crates.io registry.
# Usage: install-ibc-peers.sh [simd] [rly] [hermes]   (no names: all three)
set -euo pipefail

SIMD_VERSION="v8.8.0"
RLY_VERSION="v2.6.0"
RLY_RELEASE_TIME="2024-12-20T16:17:43Z"
# Hermes 1.10.5 rather than the newest (1.13.2): it is the last release without the Namada and
# Penumbra dependencies, so it builds unpatched, needs no Debian packages and compiles about
# half as many crates (about 7 minutes on 2 cores, against 28); it speaks CometBFT 0.38
# (compat_mode) and accepts ibc-go v8.
HERMES_VERSION="1.10.5"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.bin"
CACHE="${ZONEKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zonekit}"
mkdir -p "$BIN_DIR" "$CACHE"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then echo "error: $2" >&2; exit 1; fi
}

link() { ln -sf "$1" "$BIN_DIR/$2"; }

install_simd() {
  local dir="$CACHE/simd-$SIMD_VERSION"
  if [[ -x "$dir/simd" ]]; then link "$dir/simd" simd; echo "simd $SIMD_VERSION already installed"; return; fi
  need go "Go is required to build simd (https://go.dev/dl/)"
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
  need go "Go is required to build the Go relayer (https://go.dev/dl/)"
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

install_hermes() {
  local dir="$CACHE/hermes-v$HERMES_VERSION"
  if [[ -x "$dir/hermes" ]]; then link "$dir/hermes" hermes; echo "hermes $HERMES_VERSION already installed"; return; fi
  # rustup's default place, which a non-login shell (CI) may not have on its PATH.
  if [[ -d "$HOME/.cargo/bin" ]]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
  need cargo "Rust's cargo is required to build Hermes (https://rustup.rs)"
  echo "installing Hermes $HERMES_VERSION (compiling takes about 7 minutes on 2 cores)"
  # --locked builds the dependency versions the release was tested with; the target folder
  # lives in the cache (never the checkout) so an interrupted build resumes where it stopped.
  rm -rf "$dir.tmp"
  CARGO_TARGET_DIR="$CACHE/hermes-build" \
    cargo install ibc-relayer-cli --version "$HERMES_VERSION" --locked --bin hermes --root "$dir.tmp" </dev/null
  rm -rf "$dir"
  mkdir -p "$dir"
  mv "$dir.tmp/bin/hermes" "$dir/hermes"
  rm -rf "$dir.tmp" "$CACHE/hermes-build"
  link "$dir/hermes" hermes
  echo "installed: hermes $HERMES_VERSION"
}

peers=("$@")
if [[ ${#peers[@]} == 0 ]]; then peers=(simd rly hermes); fi
for peer in "${peers[@]}"; do
  case "$peer" in
    simd | rly | hermes) "install_$peer" ;;
    *) echo "usage: scripts/install-ibc-peers.sh [simd] [rly] [hermes]" >&2; exit 2 ;;
  esac
done
