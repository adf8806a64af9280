// Multi-step input: questions asked one after another under one title, with "step n of m" and a
// Back button that returns to the previous question with what was typed or picked kept (the answers
// live in the wizard's state, and each step offers its earlier answer again).

/** Where a question stands in its wizard. */
export interface Step {
  title: string;
  /** From 1. */
  step: number;
  totalSteps: number;
  /** Whether Back is offered (default: from step 2 on); a second question within a step offers it to return to the first. */
  back?: boolean;
}

/** The user pressed Back: the wizard asks the previous question again. */
export class BackError extends Error {
  constructor() {
    super('Back');
    this.name = 'BackError';
  }
}

export function isBack(error: unknown): boolean {
  return error instanceof Error && error.name === 'BackError';
}

export interface WizardStep<S> {
  /** Whether the step is left out with the answers so far (e.g. given by the command's argument). */
  skip?(state: S): boolean;
  /** Asks the step's question(s) with `step` and writes the answer into `state`. */
  run(state: S, step: Step): Promise<void>;
}

/** Runs the steps in order; Back goes to the previous step asked. Cancellation ends the wizard (CancelledError). */
export async function runWizard<S>(title: string, state: S, steps: readonly WizardStep<S>[]): Promise<S> {
  const asked: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step.skip?.(state)) {
      index++;
      continue;
    }
    // The count as the answers stand: a later answer can add or leave out steps.
    const totalSteps = asked.length + steps.slice(index).filter((s) => !s.skip?.(state)).length;
    try {
      await step.run(state, { title, step: asked.length + 1, totalSteps });
      asked.push(index);
      index++;
    } catch (error) {
      if (!isBack(error) || asked.length === 0) throw error;
      index = asked.pop()!;
    }
  }
  return state;
}
