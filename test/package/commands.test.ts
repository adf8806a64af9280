// The command-ID catalogue (src/vscode/commandIds.ts) and package.json agree: every command and
// alias is contributed, titled (in package.nls.json) and categorised; every contributed command is
// in the catalogue; the ones that need a node (and the generic item commands) are hidden from the
// palette; every command's palette visibility is the one commandIds.ts PALETTE declares; menus and walkthroughs name
// only known commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  ALIASES,
  COMMANDS,
  CREDENTIAL_COMMANDS,
  PALETTE,
  PALETTE_ALWAYS,
  PALETTE_HIDDEN,
  PALETTE_WHEN,
  PLATFORM_CONTEXT_KEYS,
  SELECTION_COMMANDS,
} from '../../src/vscode/commandIds';
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

  it("gives every command the palette visibility commandIds.ts declares, and declares every command's", () => {
    const declared = Object.fromEntries(catalogue.map((id) => [id, PALETTE[id]]));
    const entries = contributes.menus.commandPalette;
    assert.strictEqual(new Set(entries.map((m) => m.command)).size, entries.length, 'one commandPalette entry per command');
    const actual = Object.fromEntries(catalogue.map((id) => [id, entries.find((m) => m.command === id)?.when]));
    assert.deepStrictEqual(actual, declared);
    const undeclared = catalogue.filter((id) => PALETTE[id] === undefined && !PALETTE_ALWAYS.includes(id));
    assert.deepStrictEqual(undeclared, [], 'a command is either always offered (PALETTE_ALWAYS) or has a when clause (PALETTE)');
    assert.deepStrictEqual(
      PALETTE_ALWAYS.filter((id) => PALETTE[id] !== undefined),
      [],
    );
  });

  it('offers token, status and device commands only with a Losant application, key commands with any application', () => {
    for (const id of ['appKeys.fetchToken', 'appKeys.editToken', 'appKeys.createToken', 'appKeys.deleteToken', COMMANDS.activate, COMMANDS.deactivate]) {
      assert.strictEqual(PALETTE[id], PALETTE_WHEN.losant, id);
    }
    assert.strictEqual(PALETTE[COMMANDS.createKeysForDevices], PALETTE_WHEN.losant);
    for (const id of ['appKeys.fetchKey', 'appKeys.createKey', 'appKeys.rotateKey', COMMANDS.staleReport]) {
      assert.strictEqual(PALETTE[id], PALETTE_WHEN.anyApplication, id);
    }
    // The credential each platform has: Set API Token… with Losant, Set Client Secret… with Elastic Path; never "or".
    assert.strictEqual(PALETTE[COMMANDS.setApiToken], PALETTE_WHEN.losant);
    assert.strictEqual(PALETTE[COMMANDS.clearApiToken], PALETTE_WHEN.losant);
    assert.strictEqual(PALETTE[COMMANDS.setClientSecret], PALETTE_WHEN.elasticPath);
    assert.strictEqual(PALETTE[COMMANDS.clearClientSecret], PALETTE_WHEN.elasticPath);
    assert.strictEqual(PALETTE[COMMANDS.setToken], PALETTE_WHEN.never);
    assert.strictEqual(PALETTE[COMMANDS.clearToken], PALETTE_WHEN.never);
    assert.strictEqual(PALETTE_WHEN.losant, 'appKeys.hasLosant');
    assert.strictEqual(PALETTE_WHEN.anyApplication, 'appKeys.hasLosant || appKeys.hasElasticPath');
    assert.deepStrictEqual(PLATFORM_CONTEXT_KEYS, { losant: 'appKeys.hasLosant', elasticpath: 'appKeys.hasElasticPath' });
    assert.deepStrictEqual([...PALETTE_ALWAYS].sort(), [COMMANDS.addApplications, COMMANDS.addApplication, COMMANDS.showLog].sort());
  });

  it('hides from the palette every command that only acts on a tree node', () => {
    for (const id of [
      COMMANDS.loadMore,
      COMMANDS.reveal,
      COMMANDS.recreate,
      COMMANDS.fetch,
      COMMANDS.edit,
      COMMANDS.create,
      COMMANDS.delete,
      COMMANDS.copy,
      COMMANDS.rotate,
    ]) {
      assert.strictEqual(PALETTE[id], 'false', id);
    }
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

  const itemContext = () => contextMenu().filter((m) => !m.group?.startsWith('inline'));
  const contextMenu = () => contributes.menus['view/item/context'] as { command: string; when?: string; group?: string }[];
  /** Whether a context value of the tree makes the entry's `viewItem =~ /…/` match. */
  const offeredOn = (entry: { when?: string }, contextValue: string) => {
    const regex = /viewItem =~ \/(.+?)\/(?: |$)/.exec(entry.when ?? '');
    return regex !== null && new RegExp(regex[1]).test(contextValue);
  };

  it('offers on an application only the Set and Clear of its credential, and Open in Web Console whatever its host', () => {
    const titles = (contextValue: string) =>
      itemContext()
        .filter((m) => offeredOn(m, contextValue))
        .map((m) => String(localized(contributed.get(m.command)?.title)));
    // As nodes.ts writes them: application:<platform>:<credential kind>[:devices][:console].
    const losant = titles('application:losant:api-token:devices');
    const store = titles('application:elasticpath:client-secret');
    assert.ok(losant.includes('Set API Token…') && losant.includes('Clear API Token'), losant.join(', '));
    assert.ok(store.includes('Set Client Secret…') && store.includes('Clear Client Secret'), store.join(', '));
    for (const offered of [losant, store]) {
      assert.ok(!offered.some((t) => / or /.test(t)), `no "or" in ${offered.join(', ')}`);
      assert.ok(offered.includes('Open in Web Console'), offered.join(', '));
    }
    assert.ok(!losant.some((t) => /Client Secret/.test(t)));
    assert.ok(!store.some((t) => /API Token/.test(t)));
    assert.deepStrictEqual(Object.keys(CREDENTIAL_COMMANDS).sort(), ['api-token', 'client-secret']);
  });

  it('offers on a multi-selection only the commands that act on every selected item', () => {
    for (const entry of itemContext()) {
      const single = /!listMultiSelection/.test(entry.when ?? '');
      assert.strictEqual(single, !SELECTION_COMMANDS.includes(entry.command as never), `${entry.command} (${entry.group}): ${entry.when}`);
    }
    assert.deepStrictEqual([...SELECTION_COMMANDS].sort(), [COMMANDS.activate, COMMANDS.copyId, COMMANDS.deactivate, COMMANDS.delete].sort());
  });
});
