/** The first letter in upper case, for nouns that start a sentence ("API token", "client secret"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
