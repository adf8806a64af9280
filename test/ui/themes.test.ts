// The walkthrough in a light, a dark and a high-contrast theme: a person picks each colour theme, opens "Get started
// with App Keys", and every step's picture is the one drawn for that kind of theme, loaded and shown (not a broken
// image). APPKEYS_SCREENSHOTS=1 writes docs/screenshots/walkthrough-light.png, -dark and -hc.
import * as assert from 'assert';
import { readmeScreenshot } from './hooks';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';

interface ImageElement {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
  currentSrc: string;
  getBoundingClientRect(): { width: number; height: number };
}

/** Theme picker label → the file suffix of the pictures drawn for it, and the README screenshot's name. */
const THEMES = [
  { label: 'Light Modern', suffix: /-light\.svg(&|$)/, shot: 'walkthrough-light' },
  { label: 'Dark High Contrast', suffix: /-hc\.svg(&|$)/, shot: 'walkthrough-hc' },
  { label: 'Dark Modern', suffix: /\/[a-z-]+(?<!-light|-hc)\.svg(&|$)/, shot: 'walkthrough-dark' },
] as const;

async function chooseColorTheme(wb: Workbench, label: string): Promise<void> {
  // Ctrl+K Ctrl+T (in the palette, "Browse Color Themes in Marketplace" comes first). The first time after start the
  // picker can open before the themes are known, with only "Browse Additional Color Themes…": then open it again.
  for (let attempt = 1; ; attempt++) {
    await session.page.keyboard.press('Control+K');
    await session.page.keyboard.press('Control+T');
    await wb.waitForPrompt(/color theme/i);
    const listed = await until('the themes listed', async () => (await wb.quickInput.locator('.monaco-list-row').count()) > 3, 5_000).catch(() => false);
    if (listed) break;
    await session.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden' });
    if (attempt === 3) throw new Error('the colour theme picker listed no themes, three times');
  }
  await session.page.keyboard.type(label);
  await until(`"${label}" focused in the theme picker`, async () =>
    (await wb.quickInput.locator('.monaco-list-row.focused').first().innerText()).includes(label),
  );
  await session.page.keyboard.press('Enter');
  await wb.quickInput.waitFor({ state: 'hidden' });
}

/** Shows or hides the side bar (Ctrl+B), whichever it is now. */
async function sideBar(visible: boolean): Promise<void> {
  const bar = session.page.locator('.part.sidebar');
  if ((await bar.isVisible()) === visible) return;
  await session.page.keyboard.press('Control+B');
  await bar.waitFor({ state: visible ? 'visible' : 'hidden' });
}

describe('UI: the walkthrough in light, dark and high-contrast themes', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  afterEach(async () => {
    await sideBar(true);
  });
  after(async () => {
    // The other tests (and their screenshots) expect the session's theme.
    await chooseColorTheme(wb, 'Dark Modern');
  });

  for (const theme of THEMES) {
    it(`shows each step's picture for ${theme.label}`, async () => {
      await chooseColorTheme(wb, theme.label);
      // Without the side bar: the walkthrough shows its pictures beside the steps from 950 pixels on.
      await sideBar(false);
      await wb.runCommand('Welcome: Open Walkthrough');
      await wb.pick(/walkthrough/i, 'Get started with App Keys');
      const page = session.page.locator('.part.editor .gettingStartedContainer');
      await until('the walkthrough', async () => {
        const text = await page.innerText();
        return ['Get started with App Keys', 'Add an application', 'Rotate a key'].every((t) => text.includes(t));
      });
      const steps = ['Add an application', 'Fetch a key', 'Edit a key', 'Create a key', 'Rotate a key'];
      for (const step of steps) {
        await page.locator('.getting-started-step', { hasText: step }).first().locator('.step-title').click();
        const image = page.locator('.getting-started-media img');
        let last: unknown;
        const shown = await until(`the picture of "${step}" for ${theme.label}`, async () => {
          const state = await image.evaluate((el: ImageElement) => ({
            loaded: el.complete && el.naturalWidth > 0 && el.naturalHeight > 0,
            src: decodeURIComponent(el.currentSrc),
            box: { width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height },
          }));
          last = state;
          const right = theme.suffix.test(state.src);
          return state.loaded && right && state.box.width > 100 ? state : undefined;
        }).catch((error: Error) => {
          throw new Error(`${error.message}; the picture: ${JSON.stringify(last)}`);
        });
        assert.match(shown.src, /media\/walkthrough\//, step);
        assert.ok(shown.box.height > 50, `${step}: the picture is shown, ${shown.box.width}×${shown.box.height}`);
      }
      // The first step in the picture, as the README shows it.
      await page.locator('.getting-started-step', { hasText: steps[0] }).first().locator('.step-title').click();
      await until('the first step open', async () =>
        decodeURIComponent(await page.locator('.getting-started-media img').evaluate((el: ImageElement) => el.currentSrc)).includes('add-application'),
      );
      await readmeScreenshot(theme.shot);
      await wb.closeActiveEditor();
    });
  }
});
