// The walkthrough's pictures for every kind of theme. media/walkthrough/<step>.svg is drawn in Dark Modern's colours
// (the source); this writes <step>-light.svg, <step>-hc.svg and <step>-hc-light.svg with each colour swapped for the
// same role's colour in Light Modern, High Contrast and High Contrast Light. package.json gives each step the four
// (`media.image: { dark, light, hc, hcLight }`), and VS Code shows the one for the current theme.
// `node scripts/walkthrough-media.mjs` writes them; `--check` fails if a written file is out of date (package test).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

const DIR = new URL('../media/walkthrough/', import.meta.url);

/** Each colour of the sources by its role, and that role's colour in the other themes. */
const ROLES = {
  '#1e1e1e': { role: 'editor background', light: '#ffffff', hc: '#000000', hcLight: '#ffffff' },
  '#252526': { role: 'side bar and dialog background', light: '#f3f3f3', hc: '#000000', hcLight: '#ffffff' },
  '#2d2d2d': { role: 'active tab', light: '#e8e8e8', hc: '#000000', hcLight: '#ffffff' },
  '#3c3c3c': { role: 'panel border', light: '#e5e5e5', hc: '#6fc3df', hcLight: '#0f4a85' },
  '#454545': { role: 'dialog border', light: '#cecece', hc: '#6fc3df', hcLight: '#0f4a85' },
  '#04395e': { role: 'selected row', light: '#0060c0', hc: '#0f4a85', hcLight: '#0f4a85' },
  '#0e639c': { role: 'button', light: '#005fb8', hc: '#0e639c', hcLight: '#0f4a85' },
  '#fff': { role: 'text on a button or selected row', light: '#ffffff', hc: '#ffffff', hcLight: '#ffffff' },
  '#ffffff': { role: 'heading', light: '#1f1f1f', hc: '#ffffff', hcLight: '#000000' },
  '#d4d4d4': { role: 'editor text', light: '#1f1f1f', hc: '#ffffff', hcLight: '#000000' },
  '#cccccc': { role: 'text', light: '#3b3b3b', hc: '#ffffff', hcLight: '#292929' },
  '#bbbbbb': { role: 'view title', light: '#616161', hc: '#ffffff', hcLight: '#292929' },
  '#8b8b8b': { role: 'description', light: '#6e6e6e', hc: '#d0d0d0', hcLight: '#3b3b3b' },
  '#6b6b6b': { role: 'inactive icon', light: '#8f8f8f', hc: '#b0b0b0', hcLight: '#5a5a5a' },
  '#9cdcfe': { role: 'JSON property', light: '#0451a5', hc: '#9cdcfe', hcLight: '#0451a5' },
  '#89d185': { role: 'active icon', light: '#388a34', hc: '#89d185', hcLight: '#007100' },
  '#f48771': { role: 'error', light: '#e51400', hc: '#f48771', hcLight: '#b5200d' },
};
const THEMES = { light: '-light', hc: '-hc', hcLight: '-hc-light' };
const VARIANT = /-(light|hc|hc-light)\.svg$/;

function variant(source, theme, file) {
  return source.replace(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g, (colour) => {
    const role = ROLES[colour.toLowerCase()];
    if (!role) throw new Error(`${file}: ${colour} has no role in scripts/walkthrough-media.mjs`);
    return role[theme];
  });
}

const check = process.argv.includes('--check');
const stale = [];
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.svg') && !VARIANT.test(f))) {
  const source = readFileSync(new URL(file, DIR), 'utf8');
  for (const [theme, suffix] of Object.entries(THEMES)) {
    const out = new URL(file.replace(/\.svg$/, `${suffix}.svg`), DIR);
    const text = variant(source, theme, file);
    if (check) {
      if (!existsSync(out) || readFileSync(out, 'utf8') !== text) stale.push(out.pathname);
    } else writeFileSync(out, text);
  }
}
if (stale.length) {
  console.error(`out of date (run node scripts/walkthrough-media.mjs): ${stale.join(', ')}`);
  process.exit(1);
}
