// The walkthrough's pictures: each step has one for dark, light, high-contrast and high-contrast-light themes, and
// the three derived from each dark picture are what scripts/walkthrough-media.mjs makes of it today.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseObject } from '../support/json';
import { REPO_ROOT } from './vsix';

const manifest = parseObject(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const steps = (manifest.contributes as { walkthroughs: { steps: { id: string; media: { image: unknown } }[] }[] }).walkthroughs.flatMap((w) => w.steps);

describe('Walkthrough pictures for every theme', () => {
  it('gives each step a picture for dark, light, high-contrast and high-contrast-light themes, each a real SVG', () => {
    assert.ok(steps.length >= 5);
    for (const step of steps) {
      const image = step.media.image as Record<string, string>;
      assert.deepStrictEqual(Object.keys(image).sort(), ['dark', 'hc', 'hcLight', 'light'], step.id);
      assert.strictEqual(new Set(Object.values(image)).size, 4, `${step.id}: four different pictures`);
      for (const file of Object.values(image)) {
        const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
        assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 480 300"/, file);
      }
    }
  });

  it('the light and high-contrast pictures are up to date with the dark ones (scripts/walkthrough-media.mjs --check)', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'walkthrough-media.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
  });

  it('draws the light picture dark on light and the high-contrast one light on black', () => {
    const background = (file: string) =>
      /<rect width="480" height="300" rx="6" fill="(#[0-9a-f]{6})"/.exec(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'))?.[1];
    for (const step of steps) {
      const image = step.media.image as Record<string, string>;
      assert.strictEqual(background(image.dark), '#1e1e1e', image.dark);
      assert.strictEqual(background(image.light), '#ffffff', image.light);
      assert.strictEqual(background(image.hc), '#000000', image.hc);
      assert.strictEqual(background(image.hcLight), '#ffffff', image.hcLight);
    }
  });
});
