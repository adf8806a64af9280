// Bundles the extension into one file: dist/extension.js (vscode stays external; it is the host's).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  console.log(`esbuild: dist/extension.js ${(bytes / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`);
}
