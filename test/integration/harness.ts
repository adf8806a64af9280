// Shared set-up for the integration suites: the real extension, a real sandbox API on loopback,
// and a scripted person answering the extension's questions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AppKeysApi } from '../../src/extension';
import { SANDBOX_APPS, SANDBOX_EP, SANDBOX_TOKENS, startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { readServerCertificate, type ServerCertificate } from '../support/testCertificates';
import { SandboxRequests, type SandboxRequestInit } from '../support/sandboxRequests';
import { ScriptedUserInput } from './scriptedUserInput';

export const EXTENSION_ID = 'app-keys.app-keys';
export { SANDBOX_APPS, SANDBOX_TOKENS };

/** Every token and secret the integration run has used or seen the sandbox hand out. */
export const secretsSeen = new Set<string>([...Object.values(SANDBOX_TOKENS), SANDBOX_EP.clientSecret]);

function collectSecrets(sandbox: Sandbox): void {
  for (const key of sandbox.state.losant.keys.values()) secretsSeen.add(key.secret);
  for (const token of sandbox.state.losant.apiTokens.values()) secretsSeen.add(token.token);
  for (const key of sandbox.state.elasticpath.keys.values()) secretsSeen.add(key.client_secret);
  for (const token of sandbox.state.elasticpath.accessTokens.keys()) secretsSeen.add(token);
}

export interface Harness {
  sandbox: Sandbox;
  api: AppKeysApi;
  ui: ScriptedUserInput;
}

interface TreeNodeLike {
  kind: string;
  [key: string]: unknown;
}

/** The certificate runIntegration made for this run (its authority is in the host's NODE_EXTRA_CA_CERTS). */
function runCertificate(): ServerCertificate {
  const dir = process.env.APPKEYS_SANDBOX_TLS_DIR;
  if (!dir) throw new Error('APPKEYS_SANDBOX_TLS_DIR is not set: start the integration tests with out/test/host/runIntegration.js');
  return readServerCertificate(dir);
}

let sandboxRequests: SandboxRequests | undefined;

/** A request straight to the sandbox (support/sandboxRequests.ts), trusting the run's authority. */
export function sandboxFetch(url: string, init: SandboxRequestInit): Promise<Response> {
  const dir = process.env.APPKEYS_SANDBOX_TLS_DIR;
  sandboxRequests ??= new SandboxRequests(dir ? fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8') : undefined);
  return sandboxRequests.fetch(url, init);
}

export async function setUp(options: SandboxOptions = {}): Promise<Harness> {
  // HTTPS, as the real services: the extension trusts the run's authority the way it trusts a user's.
  const sandbox = await startSandbox({ port: 0, tls: runCertificate(), ...options });
  const extension = vscode.extensions.getExtension<AppKeysApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  await api.credentialsMoved;
  const ui = new ScriptedUserInput();
  api.setUserInput(ui);
  await configure([]);
  return { sandbox, api, ui };
}

/**
 * Registers a suite's set-up: one sandbox and the extension for the whole suite; before each test
 * a fresh sandbox state, no applications and a clean scripted user, then `each` (to add
 * applications); after each test no editors left, default settings, and no answer left unused.
 * The returned object is filled in before the first test.
 */
export function useHarness(each?: (h: Harness) => Promise<void>, options?: SandboxOptions): Harness {
  const h = {} as Harness;
  before(async () => {
    Object.assign(h, await setUp(options));
  });
  after(async () => tearDown(h));
  beforeEach(async () => {
    h.sandbox.reset();
    h.ui.reset();
    await configure([]);
    // Credentials are shared by applications now: none left over from another test.
    await h.api.forgetCredentials();
    await each?.(h);
  });
  afterEach(async () => {
    collectSecrets(h.sandbox);
    await discardEditors();
    for (const name of ['pageSize', 'confirmDelete', 'requestTimeoutSeconds', 'clipboardClearSeconds']) await setting(name, undefined);
    await configure([]);
    assert.strictEqual(h.ui.pending, 0, `unused answers: ${h.ui.pending}`);
  });
  return h;
}

export async function tearDown(h: Harness | undefined): Promise<void> {
  if (!h?.sandbox) return;
  collectSecrets(h.sandbox);
  await discardEditors();
  await configure([]);
  h.api.setUserInput(undefined);
  await h.sandbox.close();
}

export async function configure(apps: object[]): Promise<void> {
  await vscode.workspace.getConfiguration('appKeys').update('applications', apps, vscode.ConfigurationTarget.Global);
}

export async function setting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('appKeys').update(name, value, vscode.ConfigurationTarget.Global);
}

/** Adds an application through the command, with its token, as a keybinding or script would. */
export async function addApplication(h: Harness, applicationId: string, token: string): Promise<void> {
  await vscode.commands.executeCommand('appKeys.addApplication', { platform: 'losant', apiUrl: h.sandbox.url, token, applicationId });
}

/** Adds the sandbox's Elastic Path store through the command, with its client ID and secret. */
export async function addElasticPathStore(h: Harness, label?: string): Promise<void> {
  await vscode.commands.executeCommand('appKeys.addApplication', {
    platform: 'elasticpath',
    apiUrl: h.sandbox.url,
    clientId: SANDBOX_EP.clientId,
    clientSecret: SANDBOX_EP.clientSecret,
    applicationId: SANDBOX_EP.storeId,
    ...(label ? { label } : {}),
  });
}

export async function children(h: Harness, node?: TreeNodeLike): Promise<TreeNodeLike[]> {
  return (await h.api.tree.getChildren(node as never)) as unknown as TreeNodeLike[];
}

export function label(h: Harness, node: TreeNodeLike): string {
  const item = h.api.tree.getTreeItem(node as never);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The key nodes of an application's "Application Keys" group. */
/** A new key's create document of the application (New… on its keys group), with `text` typed over the template when given. */
export async function createKeyDocument(h: Harness, applicationId: string, text?: string): Promise<vscode.TextDocument> {
  const { group } = await keyGroup(h, applicationId);
  const uri = await vscode.commands.executeCommand<vscode.Uri>('appKeys.create', group);
  const document = await vscode.workspace.openTextDocument(uri);
  if (text !== undefined) await replaceText(document, text);
  return document;
}

export async function keyGroup(h: Harness, applicationId: string): Promise<{ group: TreeNodeLike; items: TreeNodeLike[] }> {
  const apps = await children(h);
  const app = apps.find((a) => (a.app as { applicationId: string }).applicationId === applicationId);
  assert.ok(app, `application ${applicationId} is not in the tree`);
  const groups = await children(h, app);
  const group = groups.find((g) => g.kind === 'group' && (g.resource as { id: string }).id === 'keys');
  assert.ok(group, `no key group under ${applicationId}: ${groups.map((g) => label(h, g)).join(', ')}`);
  return { group, items: await children(h, group) };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replaces a document's whole text, as a person selecting all and typing would. */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** Reverts and closes every editor, dirty ones included, without a "save changes?" dialog. */
export async function discardEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
