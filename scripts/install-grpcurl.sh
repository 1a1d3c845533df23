#!/usr/bin/env bash
# Installs grpcurl, the gRPC client the tests (and the README's examples) use to check that the
# node's gRPC reflection describes every service it serves. Built once per machine into a cache
# outside the checkout (keyed by version) and linked into the project-local .bin/. Idempotent.
# Needs Go and the Go module proxy (about a minute of compiling on 2 cores).
set -euo pipefail

# The newest release on the Go module proxy when zonekit adopted it.
GRPCURL_VERSION="v1.9.4"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.bin"
CACHE="${ZONEKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zonekit}"
dir="$CACHE/grpcurl-$GRPCURL_VERSION"
mkdir -p "$BIN_DIR" "$CACHE"

if [[ -x "$dir/grpcurl" ]]; then
  ln -sf "$dir/grpcurl" "$BIN_DIR/grpcurl"
  echo "grpcurl $GRPCURL_VERSION already installed"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is required to build grpcurl $GRPCURL_VERSION (https://go.dev/dl/)" >&2
  exit 1
fi

echo "installing grpcurl $GRPCURL_VERSION (compiling takes about a minute)"
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
GOBIN="$dir.tmp" go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$GRPCURL_VERSION" </dev/null
rm -rf "$dir"
mv "$dir.tmp" "$dir"
ln -sf "$dir/grpcurl" "$BIN_DIR/grpcurl"
# Its version is stamped by its release builds only (`-version` says "dev build" here).
echo "installed: grpcurl $GRPCURL_VERSION"
