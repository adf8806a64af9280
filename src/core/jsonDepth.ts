// How deep JSON text nests, checked before JSON.parse: `[[[[…]]]]` under the body cap blocks the
// extension host while parsing and overflows the stack in JSON.stringify later. One pass, no allocation.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** The first depth beyond `maxDepth` that `text` reaches, or undefined if it stays within. */
export function checkJsonDepth(text: string, maxDepth = 64): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Strings are most of an answer: jump to the closing quote (indexOf is far faster than a loop).
      i = stringEnd(text, i);
      if (i < 0) return undefined; // unterminated: JSON.parse reports it
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return depth;
    } else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && depth > 0) {
      // Stray closers are JSON.parse's to reject; going below 0 would let later nesting go deeper.
      depth--;
    }
  }
  return undefined;
}

/** The index of the quote that ends the string opened at `open` (one not escaped by a backslash), or -1. */
function stringEnd(text: string, open: number): number {
  let quote = open;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
}
