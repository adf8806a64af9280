// Bundles the extension into one file: dist/extension.js (vscode stays external; it is the host's).
// The production bundle leaves out what App Keys never runs: ajv's compiler (schemas are compiled
// here, at build time), undici's HTTP/2 client and FormData bodies, and the second copy of undici's
// HTTP parser (the SIMD build is kept: every Node and Electron VS Code runs on supports it).
import * as esbuild from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';

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

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: production,
  // Production: the map is written for crash reports but not linked, so no host parses it when loading the bundle.
  sourcemap: production ? 'external' : true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: production ? [leaveOut] : [],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`esbuild: dist/extension.js ${(bytes / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`);
  if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(result.metafile));
}
