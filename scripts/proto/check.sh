#!/usr/bin/env bash
# CI's protobuf checks: `npm run proto` (buf lint + generation) must leave the checked-in gen/
# tree exactly as it is, and proto/zonekit must not break the wire of the last release (the
# newest v* tag) under buf's FILE rules. Fails with what differs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
npm run --silent proto
if ! git diff --exit-code --stat -- gen proto || [[ -n "$(git status --porcelain -- gen proto)" ]]; then
  git status --porcelain -- gen proto
  echo "npm run proto changed the files above: regenerate (npm run proto) and commit gen/ with the .proto change" >&2
  exit 1
fi
release="$(git tag --list 'v*' --sort=-v:refname | head -n 1)"
if [[ -z "$release" ]]; then
  echo "buf breaking: no release tag (v*) yet, nothing to compare with"
elif [[ -z "$(git ls-tree -r --name-only "$release" -- proto/zonekit)" ]]; then
  echo "buf breaking: release $release has no proto/zonekit, nothing to compare with"
else
  node_modules/.bin/buf breaking --against ".git#tag=$release"
  echo "buf breaking: proto/zonekit keeps the wire of $release"
fi
