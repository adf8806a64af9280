// The multi-step runner: step numbers and totals as the answers stand, skipped steps, and Back
// returning to the previous step asked with the answers kept in the state.
import * as assert from 'assert';
import { BackError, runWizard, Step, WizardStep } from '../../src/vscode/wizard';

interface State {
  kind?: string;
  url?: string;
  name?: string;
}

/** Answers each step from a queue (BACK presses Back); records what each step was shown. */
function scripted(answers: string[], shown: string[]): (field: keyof State) => WizardStep<State>['run'] {
  return (field) => async (state: State, step: Step) => {
    shown.push(`${step.step}/${step.totalSteps} ${field}=${state[field] ?? ''}`);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected question: ${field}`);
    if (answer === 'BACK') throw new BackError();
    state[field] = answer;
  };
}

describe('runWizard', () => {
  it('numbers the steps it asks, leaves out skipped ones, and goes Back with what was answered kept', async () => {
    const shown: string[] = [];
    const ask = scripted(['other', 'https://a', 'BACK', 'BACK', 'other', 'https://b', 'box'], shown);
    const state = await runWizard<State>('Add', {}, [{ run: ask('kind') }, { skip: (s) => s.kind !== 'other', run: ask('url') }, { run: ask('name') }]);
    assert.deepStrictEqual(state, { kind: 'other', url: 'https://b', name: 'box' });
    assert.deepStrictEqual(shown, ['1/2 kind=', '2/3 url=', '3/3 name=', '2/3 url=https://a', '1/3 kind=other', '2/3 url=https://a', '3/3 name=']);
  });

  it('counts a step only once the answers so far call for it', async () => {
    const shown: string[] = [];
    await runWizard<State>('Add', {}, [{ run: scripted(['preset'], shown)('kind') }, { skip: (s) => s.kind !== 'other', run: scripted([], shown)('url') }]);
    assert.deepStrictEqual(shown, ['1/1 kind=']);
  });

  it('ends with the error when Back is pressed on the first step, or a step fails', async () => {
    await assert.rejects(runWizard<State>('Add', {}, [{ run: scripted(['BACK'], [])('kind') }]), { name: 'BackError' });
    await assert.rejects(
      runWizard<State>('Add', {}, [
        {
          run: async () => {
            throw Object.assign(new Error('Cancelled'), { name: 'CancelledError' });
          },
        },
      ]),
      { name: 'CancelledError' },
    );
  });
});
