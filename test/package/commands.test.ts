// The command-ID catalogue (src/vscode/commandIds.ts) and package.json agree: every command and
// alias is contributed, titled (in package.nls.json) and categorised; every contributed command is
// in the catalogue; the ones that need a node (and the generic item commands) are hidden from the
// palette, the others are not; menus and walkthroughs name only known commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALIASES, COMMANDS, PALETTE_HIDDEN } from '../../src/vscode/commandIds';
import { parseObject } from '../support/json';
import { REPO_ROOT } from './vsix';

interface Contributed {
  command: string;
  title?: string;
  category?: string;
}

const manifest = parseObject(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const nls = parseObject(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const contributes = manifest.contributes as { commands: Contributed[]; menus: Record<string, { command: string; when?: string }[]>; walkthroughs: unknown[] };
const contributed = new Map(contributes.commands.map((c) => [c.command, c]));
const catalogue = [...Object.values(COMMANDS), ...Object.keys(ALIASES)];
const localized = (text: string | undefined) => (text && /^%.+%$/.test(text) ? nls[text.slice(1, -1)] : text);

describe('Command catalogue and package.json', () => {
  it('contributes every catalogue command and alias, with a title and a category', () => {
    for (const id of catalogue) {
      const command = contributed.get(id);
      assert.ok(command, `${id} is not in contributes.commands`);
      assert.strictEqual(typeof localized(command.title), 'string', `${id} has no title in package.nls.json`);
      assert.strictEqual(localized(command.category), 'App Keys', `${id} is not in the App Keys category`);
    }
  });

  it('contributes no command the catalogue does not know', () => {
    assert.deepStrictEqual(
      [...contributed.keys()].filter((id) => !catalogue.includes(id)),
      [],
    );
  });

  it('hides exactly the node-only and generic item commands from the palette', () => {
    const hidden = contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command);
    assert.deepStrictEqual([...hidden].sort(), [...PALETTE_HIDDEN].sort());
    const stillShown = catalogue.filter((id) => !PALETTE_HIDDEN.includes(id));
    assert.ok(stillShown.includes('appKeys.fetchKey') && stillShown.includes('appKeys.createToken'), 'the per-kind aliases stay in the palette');
  });

  it('maps every alias to a generic command', () => {
    for (const [alias, { command }] of Object.entries(ALIASES)) assert.ok(Object.values(COMMANDS).includes(command), `${alias} → ${command}`);
  });

  it('names only catalogue commands in menus, and walkthrough steps complete on catalogue commands', () => {
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const entry of entries) assert.ok(catalogue.includes(entry.command), `${menu}: ${entry.command}`);
    }
    const events = JSON.stringify(contributes.walkthroughs).match(/onContext:appKeys\.did\.[A-Za-z]+/g) ?? [];
    assert.ok(events.length >= 5);
    for (const event of events) assert.ok((Object.values(COMMANDS) as string[]).includes(`appKeys.${event.split('.').pop()}`), event);
  });

  it('keys item menus on what an item can do, never on its kind', () => {
    const itemMenus = contributes.menus['view/item/context'].filter((m) => /viewItem =~ \/\^item/.test(m.when ?? ''));
    assert.ok(itemMenus.length > 5);
    for (const menu of itemMenus) assert.doesNotMatch(menu.when ?? '', /keys|tokens/, menu.command);
  });
});
