// Renders Markdown as VS Code's hovers do (marked, GitHub-flavoured: tables, bare-URL autolinks) and
// tells which HTML elements came out, so a test can see that server text stayed text.
// Shared by the unit suite (the stale keys report) and the integration suite (tree tooltips).
import * as assert from 'assert';
import { marked } from 'marked';

/** Names a hostile server could give: each would be a heading, quote, link, image, list, table, rule or code. */
export const HOSTILE_NAMES = [
  '\r# Heading',
  'a\nb\r\n> quote',
  'https://evil.example/x',
  'www.evil.example',
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.quit)',
  '`code`',
  '1. list',
  '| a | b |\n|---|---|',
  '***',
  'x\u2028## two\u2029### three\u0085#### four',
  '```\nfenced\n```',
];

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { gfm: true, breaks: false, async: false });
}

/** How many of each element the HTML has: `{ p: 3, code: 5, a: 2 }`. */
export function elementCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, name] of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) counts[name.toLowerCase()] = (counts[name.toLowerCase()] ?? 0) + 1;
  return counts;
}

/** The hrefs of the HTML's links. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]);
}

/** The text people read: elements dropped, entities decoded (marked escapes & < > " '). */
export function readableText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Server text as people should read it: on one line, as given. */
export function asOneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
}

/**
 * The rendered Markdown has exactly the elements its own structure makes (`expected`, element → how
 * many), so server text added none: no heading, link, image, quote, list, table, rule, code block,
 * emphasis or HTML of its own.
 */
export function assertElements(html: string, expected: Record<string, number>): void {
  const counts = elementCounts(html);
  const names = [...new Set([...Object.keys(counts), ...Object.keys(expected)])].sort();
  assert.deepStrictEqual(
    Object.fromEntries(names.map((n) => [n, counts[n] ?? 0])),
    Object.fromEntries(names.map((n) => [n, expected[n] ?? 0])),
    `elements of ${html}`,
  );
}
