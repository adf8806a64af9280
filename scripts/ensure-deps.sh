#!/usr/bin/env bash
# Installs the dependencies (npm ci) when node_modules is missing or older than package-lock.json, so that on a fresh
# clone `npm start` and `npm test` are all the set-up. An existing node_modules counts as present whatever it is (a
# folder or a symlink to a shared one, as in a git worktree): only its absence or its age triggers an install.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm ci writes node_modules/.package-lock.json last: its time says when the install finished.
stamp=node_modules/.package-lock.json
if [ ! -e node_modules ]; then
  echo "== installing the dependencies (npm ci): node_modules is missing"
elif [ ! -e "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "== installing the dependencies (npm ci): node_modules is older than package-lock.json"
else
  exit 0
fi
if [ -L node_modules ]; then
  echo "node_modules is a symlink (a shared install): not replacing it; run npm ci where it points if it is out of date" >&2
  exit 0
fi
npm ci --no-audit --no-fund
