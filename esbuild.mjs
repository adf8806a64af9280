// Bundles the extension for the extension host (vscode stays external; it is the host's), as five files
// in dist/, so that activation reads and compiles only what the tree needs:
//   dist/extension.js   activate(), the tree, commands and documents
//   dist/undici.js      undici's HTTP client (src/core/undiciModules.ts), required at the first request
//   dist/validators.js  the edit documents' schema validators (src/core/schemaValidators.ts), at the first check
//   dist/jsonc.js       jsonc-parser, at the first document parsed
//   dist/ignore.js      the ignore package (gitignore rules), when a one-time secret is first saved to a file
// The bundles require one another by relative path ('./undici.js'); each is built whole from its entry,
// and the build fails if a lazy part is found inside extension.js.
// The production bundles leave out what App Keys never runs: ajv's compiler (schemas are compiled
// here, at build time), undici's HTTP/2 client and FormData bodies, and the second copy of undici's
// HTTP parser (the SIMD build is kept: every Node and Electron VS Code runs on supports it).
import * as esbuild from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The schemas edit documents are validated against (each resource's patchSchema). */
const EDIT_SCHEMAS = [
  'schemas/losant/applicationKeyPatch.json',
  'schemas/losant/apiTokenPatch.json',
  'schemas/elasticpath/applicationKeyUpdate.json',
  // Create documents are checked against the post schemas.
  'schemas/losant/applicationKeyPost.json',
  'schemas/losant/applicationApiTokenPost.json',
  'schemas/elasticpath/applicationKeyCreate.json',
];

/** src/core/schemaValidators.ts as ajv standalone code, keyed by each schema's title. */
function standaloneValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true }, formats: { 'date-time': true } });
  const titles = {};
  EDIT_SCHEMAS.forEach((file, i) => {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    ajv.addSchema(schema, `s${i}`);
    titles[schema.title] = `s${i}`;
  });
  return `${standaloneCode(ajv)}
const byTitle = ${JSON.stringify(titles)};
exports.validatorFor = function validatorFor(schema) {
  const validate = exports[byTitle[schema.title]];
  if (!validate) throw new Error('No validator was built for schema "' + schema.title + '" (esbuild.mjs EDIT_SCHEMAS)');
  return validate;
};
`;
}

const leaveOut = {
  name: 'leave-out',
  setup(build) {
    build.onLoad({ filter: /src[\\/]core[\\/]schemaValidators\.ts$/ }, () => ({ contents: standaloneValidators(), loader: 'js', resolveDir: process.cwd() }));
    build.onResolve({ filter: /llhttp-wasm\.js$/ }, () => ({
      path: new URL('./node_modules/undici/lib/llhttp/llhttp_simd-wasm.js', import.meta.url).pathname,
    }));
    build.onResolve({ filter: /^\.\/client-h2\.js$/ }, () => ({ path: 'client-h2', namespace: 'left-out' }));
    build.onResolve({ filter: /web\/fetch\/body\.js$/ }, () => ({ path: 'fetch-body', namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `module.exports = ${args.path === 'client-h2' ? 'function connectH2() { throw new Error("App Keys does not use HTTP/2"); }' : '{ extractBody() { throw new Error("App Keys sends no FormData bodies"); } }'};`,
      loader: 'js',
    }));
  },
};

/** The parts loaded when first needed: what the sources require → the sibling file in dist/ that holds it. */
const LAZY = [
  { request: /^\.\/undiciModules$/, entry: 'src/core/undiciModules.ts', out: 'undici', input: /^node_modules\/undici\// },
  {
    request: /^\.\/schemaValidators$/,
    entry: 'src/core/schemaValidators.ts',
    out: 'validators',
    input: /^src\/core\/schemaValidators\.ts$|^node_modules\/ajv\//,
  },
  { request: /^jsonc-parser$/, entry: 'jsonc-parser', out: 'jsonc', input: /^node_modules\/jsonc-parser\// },
  { request: /^ignore$/, entry: 'ignore', out: 'ignore', input: /^node_modules\/ignore\// },
];

/** In every bundle, a require of a lazy part becomes a require of its own file (never a second copy). */
const lazyParts = {
  name: 'lazy-parts',
  setup(build) {
    for (const part of LAZY) {
      build.onResolve({ filter: part.request }, (args) => (args.kind === 'entry-point' ? undefined : { path: `./${part.out}.js`, external: true }));
    }
  },
};

/**
 * The host's vscode API object itself in every module. For each `import * as vscode from 'vscode'` (40-odd
 * modules) esbuild's CommonJS interop (__toESM) would copy the API's few hundred names onto a new object, a
 * getter each, while the bundle loads: about 10-15 ms of the extension host's time. The bundle reads each such
 * line as `import vscode = require('vscode')` instead: the same types for TypeScript, a plain require for esbuild.
 */
const VSCODE_IMPORT = /^import \* as vscode from 'vscode';$/gm;
const vscodeAsIs = {
  name: 'vscode-as-is',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const contents = text.replace(VSCODE_IMPORT, "import vscode = require('vscode');");
      // Other files as esbuild (or the leave-out plugin) loads them.
      return contents === text ? undefined : { contents, loader: 'ts' };
    });
  },
};

const common = {
  bundle: true,
  outdir: 'dist',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: production,
  // Production: the maps are written for crash reports but not linked, so no host parses them when loading a bundle.
  sourcemap: production ? 'external' : true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: production ? [vscodeAsIs, lazyParts, leaveOut] : [vscodeAsIs, lazyParts],
};
const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    // For the benchmark (activate() reports these in its test hooks' stats): when the bundle's code began, when the
    // host had made this extension's vscode API (its first require('vscode'), host work), and when the bundle's code
    // had run. The directive first, so the bundle stays strict code.
    banner: {
      js: '"use strict";globalThis.__appKeysLoadStartedAt = performance.now();require("vscode");globalThis.__appKeysVscodeLoadedAt = performance.now();',
    },
    footer: { js: 'globalThis.__appKeysLoadEndedAt = performance.now();' },
  },
  { ...common, entryPoints: Object.fromEntries(LAZY.map((part) => [part.out, part.entry])) },
];

/** Each output's size; fails the build if a lazy part was bundled into another file. */
function report(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const own = LAZY.find((part) => file === `dist/${part.out}.js`);
    const strays = Object.keys(output.inputs).filter((input) => LAZY.some((part) => part !== own && part.input.test(input)));
    if (strays.length) throw new Error(`${file} bundles ${strays[0]} (and ${strays.length - 1} more), which belongs in its own file`);
    console.log(`esbuild: ${file} ${(output.bytes / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`);
  }
}

/** Keywords that only check a value: VS Code's JSON support would report them a second time, in its own words. */
const CHECKS = new Set([
  'required',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'additionalItems',
  'type',
  'not',
  'if',
  'then',
  'else',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'propertyNames',
  'contains',
  'enum',
  'const',
]);

/**
 * A schema's hints for the editor (contributes.jsonValidation): property names, descriptions and values to complete
 * (enum and const become examples), and no checks. App Keys checks the document itself, live and on save, in its own
 * words, so each mistake shows one problem.
 */
export function hintSchema(schema) {
  if (Array.isArray(schema)) return schema.map(hintSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const hints = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'definitions' || key === '$defs' || key === 'patternProperties') {
      hints[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, hintSchema(sub)]));
    } else if (key === 'oneOf' || key === 'allOf' || key === 'anyOf') {
      // Unchecked alternatives all match: as anyOf they offer their completions and report nothing.
      hints.anyOf = [...(hints.anyOf ?? []), ...value.map(hintSchema)];
    } else if (key === 'items') hints.items = hintSchema(value);
    else if (key === 'enum') hints.examples = [...(hints.examples ?? []), ...value];
    else if (key === 'const') hints.examples = [...(hints.examples ?? []), value];
    else if (!CHECKS.has(key)) hints[key] = value;
  }
  return hints;
}

/** dist/schemas/…: the hint schemas package.json's jsonValidation binds to the documents. */
function writeHintSchemas() {
  for (const file of EDIT_SCHEMAS) {
    const out = `dist/${file}`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(hintSchema(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
  }
}

writeHintSchemas();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  for (const result of await Promise.all(builds.map((options) => esbuild.build(options)))) {
    report(result.metafile);
    if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
  }
}
