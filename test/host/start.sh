#!/usr/bin/env bash
# `npm start`: installs the dependencies when missing (scripts/ensure-deps.sh), builds and packages the extension (.vsix), installs the code-server host if needed, then runs
# the demo: the sandbox API and a code-server with the packaged extension installed. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/ensure-deps.sh
npx tsc -p .
npm run --silent package
bash test/host/install.sh
exec node out/test/host/start.js "$@"
