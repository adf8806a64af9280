// A person adds two Losant applications with one token through Add Applications…: a wizard with a
// title, step n of m and Back (pressed once, on the list: the token typed is still there).
import * as assert from 'assert';
import { SANDBOX_APPS, SANDBOX_TOKENS } from '../sandbox';
import * as given from './given';
import { readmeScreenshot } from './hooks';
import { session } from './session';
import { until } from './wait';
import { Workbench } from './workbench';

const fleet = SANDBOX_APPS.demoFleet;
const warehouse = SANDBOX_APPS.warehouseSensors;

describe('UI: one credential for many applications', () => {
  let wb: Workbench;
  before(() => {
    wb = new Workbench(session.page);
  });

  it('adds two applications with one token through Add Applications…, pressing Back once', async () => {
    await given.noApplicationsInTree(wb);
    await wb.runCommand('App Keys: Add Applications…');
    await wb.pick('Which platform?', 'Losant');
    await wb.waitForPrompt('Which Losant API host?');
    assert.match(await wb.quickInputTitle(), /^Add Applications \(2\/\d\)$/, 'the title and step 2 of the wizard');
    await wb.pick('Which Losant API host?', 'Other host…');
    await wb.type('API base URL', session.sandbox.url);
    await given.newCredentialIfOffered(wb, 'API token', /API token for 127\.0\.0\.1/);
    await wb.type(/API token for 127\.0\.0\.1/, SANDBOX_TOKENS.full);
    session.secretsUsed.set('SANDBOX_TOKENS.full', SANDBOX_TOKENS.full);

    await wb.waitForPrompt('Choose the applications');
    const listStep = await wb.quickInputTitle();
    assert.match(listStep, /^Add Applications \((\d)\/\1\)$/, 'the list is the last step');
    await wb.back();
    await wb.waitForPrompt(/API token for 127\.0\.0\.1/);
    await until('the token typed before Back in the password box', async () => (await wb.quickInputValue()) === SANDBOX_TOKENS.full);
    assert.notStrictEqual(await wb.quickInputTitle(), listStep, 'one step back');
    await session.page.keyboard.press('Enter');

    await wb.pickMany('Choose the applications', [fleet.name, warehouse.name], () => readmeScreenshot('add-applications'));
    await wb.treeRow(fleet.name, /^Losant/).waitFor();
    await wb.treeRow(warehouse.name, /^Losant/).waitFor();
    await given.expandedAlone(wb, warehouse.name);
    await wb.treeRow('Application Keys').waitFor();
  });
});
