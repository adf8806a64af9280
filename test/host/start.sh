#!/usr/bin/env bash
# `npm start`: builds the extension, installs the code-server host if needed, then runs the demo
# (sandbox API + code-server with the extension loaded from this repository). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsc -p .
node esbuild.mjs
bash test/host/install.sh
exec node out/test/host/start.js "$@"
