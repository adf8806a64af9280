#!/usr/bin/env bash
# `npm run l10n`: extracts every vscode.l10n.t and l10n.t string of src/ into l10n/bundle.l10n.json (the English
# source, which VS Code never loads: English is the code itself), then lists what the German files lack, so that
# new strings can be translated in l10n/bundle.l10n.de.json and package.nls.de.json. The package test
# (test/package/l10n.test.ts) fails until they are.
set -euo pipefail
cd "$(dirname "$0")/.."
npx @vscode/l10n-dev export --outDir ./l10n ./src >/dev/null
npx prettier --log-level warn --write l10n/bundle.l10n.json
node -e '
const fs = require("fs");
const missing = (source, translated) => {
  const de = fs.existsSync(translated) ? JSON.parse(fs.readFileSync(translated, "utf8")) : {};
  return Object.keys(JSON.parse(fs.readFileSync(source, "utf8"))).filter((key) => !(key in de));
};
let open = 0;
for (const [source, translated] of [["l10n/bundle.l10n.json", "l10n/bundle.l10n.de.json"], ["package.nls.json", "package.nls.de.json"]]) {
  const keys = missing(source, translated);
  open += keys.length;
  for (const key of keys) console.log(`${translated} lacks: ${JSON.stringify(key)}`);
}
console.log(open ? `${open} strings to translate` : "l10n: every string has its German translation");
'
