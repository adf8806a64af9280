// The bad-edit corpus through the real save path: the edit document of a real key, each bad text
// typed in and saved. None may reach the sandbox; each gets a problem at the offending place and
// keeps its text, dirty.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BAD_EDITS, touches } from '../corpus/badEdits';
import { addApplication, replaceText, SANDBOX_APPS, SANDBOX_TOKENS, useHarness } from './harness';

const fleet = SANDBOX_APPS.demoFleet;

describe(`Bad edits are never sent (${BAD_EDITS.length} documents through the save path)`, () => {
  const h = useHarness(() => addApplication(h, fleet.id, SANDBOX_TOKENS.full));

  it('refuses every document of the corpus, with a problem at its place and the text kept', async () => {
    const [key] = [...h.sandbox.state.losant.keys.values()].filter((k) => k.applicationId === fleet.id);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.editKey', { applicationId: fleet.id, keyId: key.id });
    const document = await vscode.workspace.openTextDocument(uri);
    const before = h.sandbox.requests.length;
    const failures: string[] = [];
    for (const edit of BAD_EDITS) {
      await replaceText(document, edit.text);
      const saved = await document.save();
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'App Keys');
      const placed = ours.some((d) => touches(edit, document.offsetAt(d.range.start), document.offsetAt(d.range.end) - document.offsetAt(d.range.start)));
      if (saved) failures.push(`${edit.name}: saved`);
      else if (!document.isDirty) failures.push(`${edit.name}: not dirty`);
      else if (document.getText() !== edit.text) failures.push(`${edit.name}: text changed`);
      else if (!placed)
        failures.push(
          `${edit.name}: no problem at "${edit.at.slice(0, 30)}" (${ours
            .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`)
            .join('; ')
            .slice(0, 200)})`,
        );
    }
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(h.sandbox.requests.length, before, 'no request reached the sandbox');
    assert.strictEqual(key.lastUpdated, h.sandbox.state.losant.keys.get(key.id)?.lastUpdated);
  });
});
