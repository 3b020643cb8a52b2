import { escapedChar, showControls } from './terminal-text.js';

/**
 * An `@` followed by a zero-width space (as an entity, so the source shows it): GitHub and GitLab no longer
 * read `@org/team` as a mention, and the rendered text still reads `@org/team`.
 */
const UNMENTIONED_AT = '@&#8203;';

/** Control characters and line breaks written out: a name is one line, it must not start a heading or a list. */
function oneLine(text: string): string {
  return showControls(text).replace(/[\n\t]/g, escapedChar);
}

/**
 * A plain name (title, section, track, file) as Markdown text: backslash-escapes what would start emphasis,
 * code, links, HTML, an entity (`&#64;`), a heading or a table cell; `@` cannot mention anyone; it stays
 * one line.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|#]|&(?=#?\w+;)/g, '\\$&')
    .replaceAll('@', UNMENTIONED_AT);
}

/**
 * Ladder Markdown (an expectation) in a document for a pull request, where it must show exactly what the
 * ladder says and nothing more: no raw HTML or comment (which could hide the changes after it), no entity
 * that decodes to one, no code span left open by a stray backtick, no mention, one line (a continuation
 * line could start a block of its own). Emphasis and links still render.
 */
export function inertMarkdown(text: string): string {
  return showControls(text)
    .replace(/\s*\n\s*/g, ' ')
    // A backslash before one of them too, or it would escape the entity's `&` instead of showing itself.
    .replace(/\\(?=[&<>`])|[&<>`]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replaceAll('@', UNMENTIONED_AT);
}

/** Inline code that holds any text: a fence longer than any run of backticks inside, on one line. */
export function codeSpan(text: string): string {
  const shown = oneLine(text);
  const fence = '`'.repeat(Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[`\s]|[`\s]$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
