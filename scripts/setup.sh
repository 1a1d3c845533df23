#!/usr/bin/env bash
# Everything a fresh clone needs before it can build, test or run a zone: the npm packages
# (when node_modules is missing or older than the lockfile) and the pinned CometBFT; with
# --ibc-peers also the IBC counterparties (ibc-go's simd, the Go relayer and Hermes, built once
# per machine; Hermes needs Rust's cargo), which the tests, `npm run ibc:devnet` and
# `npm run bench:ibc` need and `npm start` does not, and grpcurl, which the gRPC tests call.
# Idempotent and quiet when there is nothing to do.
set -euo pipefail

IBC_PEERS=0
for arg in "$@"; do
  case "$arg" in
    --ibc-peers) IBC_PEERS=1 ;;
    *) echo "usage: scripts/setup.sh [--ibc-peers]" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v node >/dev/null 2>&1; then
  echo "error: Node.js 20.19 or newer is required (https://nodejs.org)" >&2
  exit 1
fi

# `npm install` rather than `npm ci`: it installs the locked versions just the same, and npm 11
# rejects this lockfile in `ci` over optional platform packages of other operating systems.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "installing npm packages"
  npm install --no-audit --no-fund </dev/null
fi

bash scripts/install-cometbft.sh
if [[ $IBC_PEERS == 1 ]]; then
  bash scripts/install-ibc-peers.sh
  bash scripts/install-grpcurl.sh
fi
