#!/usr/bin/env bash
# `npm test`: installs the VS Code test host (once), type-checks and compiles, lints and checks the format, bundles and
# packages the .vsix, then runs the unit tests (mocha, Node), the sandbox's own tests, the integration tests (inside code-server's real extension host), the package
# check (the .vsix's contents and size) and the UI tests (the .vsix installed in code-server, driven in Chromium by
# mouse and keyboard). On a fresh clone it installs the dependencies first (scripts/ensure-deps.sh: npm ci when
# node_modules is missing or older than package-lock.json).
# The last line is always "N passed, N failed" summed over all suites; the exit code is non-zero if anything
# failed, a build step failed or a suite did not run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

started=$SECONDS
counts_dir="$(mktemp -d)"
trap 'rm -rf "$counts_dir"' EXIT
total_passed=0
total_failed=0
problems=()
timings=()

finish() {
  echo
  echo "== done in $((SECONDS - started)) s"
  local p
  [ "${#timings[@]}" -gt 0 ] && echo "wall time: ${timings[*]}"
  for p in "${problems[@]+"${problems[@]}"}"; do echo "PROBLEM: $p"; done
  echo "$total_passed passed, $total_failed failed"
  if [ "$total_failed" -gt 0 ] || [ "${#problems[@]}" -gt 0 ]; then exit 1; fi
  exit 0
}

# A build step: stop everything if it fails (nothing after it can be trusted).
step() {
  local name="$1"
  shift
  echo "== $name"
  local t=$SECONDS
  if ! "$@"; then
    problems+=("$name failed")
    finish
  fi
  echo "-- $name: $((SECONDS - t)) s"
  timings+=("$name $((SECONDS - t)) s;")
}

# A test suite: the command must write {"passed","failed"} to $APPKEYS_SUITE_COUNTS.
suite() {
  local name="$1"
  shift
  local counts="$counts_dir/$name.json"
  echo "== $name tests"
  local t=$SECONDS rc=0
  APPKEYS_SUITE_COUNTS="$counts" "$@" || rc=$?
  if [ ! -s "$counts" ]; then
    problems+=("$name tests did not run (exit code $rc)")
    return 0
  fi
  local passed failed
  passed="$(node -p "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).passed" "$counts")"
  failed="$(node -p "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).failed" "$counts")"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then problems+=("$name tests exited with code $rc"); fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then problems+=("$name tests: no test ran"); fi
  echo "-- $name tests: $passed passed, $failed failed in $((SECONDS - t)) s"
  timings+=("$name tests $((SECONDS - t)) s;")
}

# The .vsix, as `npm run package` makes it from the bundle just built (vsce's file list goes to a log).
package_vsix() {
  mkdir -p dist-vsix .test-results
  local log=.test-results/vsce-package.log
  if ! npx vsce package --no-dependencies --out dist-vsix/ >"$log" 2>&1; then
    cat "$log"
    return 1
  fi
  grep -E 'DONE|WARNING' "$log" || tail -n 1 "$log"
}

step "dependencies (npm ci when missing or out of date)" bash scripts/ensure-deps.sh
step "install test host" bash test/host/install.sh
# A clean out/: compiled tests of deleted sources must not run.
rm -rf out
step "type check + compile (tsc)" npx tsc -p .
step "lint (eslint, type-aware) + format (prettier --check)" npm run --silent lint
step "bundle (esbuild --production)" node esbuild.mjs --production
step "package (vsce)" package_vsix

suite unit npx mocha --config test/unit/.mocharc.json --reporter ./out/test/host/countingSpecReporter.js
# The sandbox's own tests: that it answers as the reference documents say (the stand-in is checked too).
suite sandbox npx mocha --config test/sandbox-tests/.mocharc.json --reporter ./out/test/host/countingSpecReporter.js
suite integration node out/test/host/runIntegration.js
# Restricted mode: Workspace Trust on, a workspace that names an application of its own.
suite integration-untrusted node out/test/host/runIntegration.js --untrusted
# VS Code in German (code-server --locale de): the translations as users see them.
suite integration-german node out/test/host/runIntegration.js --locale de
suite package npx mocha --config test/package/.mocharc.json --reporter ./out/test/host/countingSpecReporter.js
suite ui npx mocha --config test/ui/.mocharc.json --reporter ./out/test/host/countingSpecReporter.js

finish
