/** Backslash-escapes what would otherwise start emphasis, code, links, HTML, a heading or a table cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
