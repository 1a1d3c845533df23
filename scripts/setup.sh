#!/usr/bin/env bash
# Everything a fresh clone needs before it can build, test or run a zone: the npm packages
# (when node_modules is missing or older than the lockfile) and the pinned CometBFT.
# Idempotent and quiet when there is nothing to do.
set -euo pipefail
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
