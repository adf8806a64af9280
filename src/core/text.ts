// Server text on its way to people: shown as text, never run as Markdown, HTML or links.

/** Every line break that Markdown, VS Code or Unicode knows: \r\n, \r, \n, U+2028, U+2029 and U+0085. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** The text on one line: each line break becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAK, ' ');
}

/**
 * Server text as a Markdown code span, on one line: nothing inside is Markdown, HTML, an entity or a
 * link (bare URLs included), and it reads as it is. The fence is one backtick longer than the longest
 * run of backticks in the text; a space pads text that starts or ends with a backtick or a space
 * (Markdown takes one off each side).
 */
export function codeSpan(text: string): string {
  const value = oneLine(text);
  if (!value) return '` `';
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A notification's text: one line, and no `[text](link)`, which notifications turn into links
 * (command: links included). A space after each `]` that a `(` follows keeps the text readable.
 */
export function notificationText(text: string): string {
  return oneLine(text).replace(/\]\(/g, '] (');
}
