#!/usr/bin/env bash
# Installs the pinned CometBFT into the project-local .bin/ with `go install`.
# Idempotent: does nothing when .bin/cometbft or a cometbft on PATH already
# reports the pinned version. Needs Go and access to the Go module proxy.
set -euo pipefail

# Pinned: the newest v0.38 release on the Go module proxy when zonekit adopted it.
# zonekit speaks ABCI 2.0 as CometBFT v0.38 defines it; v0.39+/v1 change the protocol.
COMETBFT_VERSION="v0.38.26"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.bin"
WANT="${COMETBFT_VERSION#v}"

reports_pinned() {
  local bin="$1"
  [[ -x "$bin" ]] || return 1
  local got
  got="$("$bin" version 2>/dev/null </dev/null | head -n1 || true)"
  [[ "$got" == "$WANT" || "$got" == "$WANT+"* ]]
}

if reports_pinned "$BIN_DIR/cometbft"; then
  echo "cometbft $WANT already installed at $BIN_DIR/cometbft"
  exit 0
fi

if on_path="$(command -v cometbft 2>/dev/null)" && reports_pinned "$on_path"; then
  echo "cometbft $WANT already on PATH at $on_path; nothing to install"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is required to build cometbft $COMETBFT_VERSION (https://go.dev/dl/)" >&2
  exit 1
fi

mkdir -p "$BIN_DIR"
echo "installing cometbft $COMETBFT_VERSION into $BIN_DIR (compiling; this takes a few minutes)"
GOBIN="$BIN_DIR" go install "github.com/cometbft/cometbft/cmd/cometbft@$COMETBFT_VERSION" </dev/null

if ! reports_pinned "$BIN_DIR/cometbft"; then
  echo "error: $BIN_DIR/cometbft does not report version $WANT after install" >&2
  exit 1
fi
echo "installed: $BIN_DIR/cometbft $("$BIN_DIR/cometbft" version </dev/null)"
