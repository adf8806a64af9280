// Glob matching for filters: `*` matches any run of characters, case does not matter, the whole
// value must match. No regular expression: `.*` backtracks, and `*a*a*a*a*c` against a 255-character
// name took a minute. This is the greedy two-pointer walk that returns to the last star, O(pattern × value).

/** Counts loop steps, so tests can bound the work without timing it. */
export interface GlobSteps {
  steps: number;
}

/** Code points, lower-cased one by one: lengths never grow, so the bound stays in the input's terms. */
function fold(text: string): string[] {
  return Array.from(text, (c) => c.toLowerCase());
}

export function globMatch(pattern: string, value: string, counter?: GlobSteps): boolean {
  const p = fold(pattern);
  const v = fold(value);
  let pi = 0;
  let vi = 0;
  let star = -1; // the last star seen, and where in the value it started matching
  let mark = 0;
  let steps = 0;
  while (vi < v.length) {
    steps++;
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (pi < p.length && p[pi] === v[vi]) {
      pi++;
      vi++;
    } else if (star >= 0) {
      // The last star takes one more character; earlier stars never need to change.
      pi = star + 1;
      vi = ++mark;
    } else {
      break;
    }
  }
  while (vi === v.length && pi < p.length && p[pi] === '*') {
    steps++;
    pi++;
  }
  if (counter) counter.steps += steps;
  return vi === v.length && pi === p.length;
}
