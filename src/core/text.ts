// Server text on its way to people: shown as text, never run as Markdown, HTML or links.

/**
 * Server text as inert Markdown inside a line: no links, no emphasis, no code, no HTML, one line.
 * (Characters that only matter at the start of a line, such as `-` `+` `.` `#`, are left readable.)
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** Breaks the `[text](link)` syntax that notifications turn into links, without changing what people read. */
export function inertLinks(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(');
}
