import type { RolePlace } from '../schema/parsed.js';
import type { RoleGraph } from './role-graph.js';

/** Titles longer than this many words are not looked for in a line: none is that long. */
const MAX_TITLE_WORDS = 8;

/**
 * A role with no parent whose intro has a short line naming another role of the ladder by its title, as
 * written ("This role grows out of Engineer."), may have a parent line in words no phrasing reads. Saying
 * so beats a role that silently inherits nothing. Titles are matched as whole words with their capitals,
 * so "an engineer who…" names no role. Linear in the words of the lines: each run of up to eight words is
 * looked up among the titles.
 */
export function reportLinesNamingRoles(graph: RoleGraph<RolePlace>): void {
  const titles = new Map<string, string>();
  for (const role of graph.roles.values()) titles.set(words(role.title).join(' '), role.title);
  for (const role of graph.roles.values()) {
    if (role.parent !== null || role.parentId !== null || !role.shortLines) continue;
    for (const found of role.shortLines) {
      const named = namedTitle(found.text, titles, role.title);
      if (!named) continue;
      const message =
        `"${found.text}" names the role "${named}" but no phrasing reads it as a parent line, so the role inherits nothing; ` +
        `write "(Inherits the role expectations of ${named})" or "Same as ${named}, but also...", add a phrasing to "inherits: patterns:" in ladder.yaml, ` +
        'or disable the rule on this line if it is only description';
      graph.problems.push({ code: 'unrecognised-parent-line', message, file: role.file, line: found.line, column: found.column });
      break;
    }
  }
}

/** The first title of another role that `text` holds as whole words, if any. */
function namedTitle(text: string, titles: Map<string, string>, own: string): string | undefined {
  const line = words(text);
  for (let start = 0; start < line.length; start++) {
    for (let end = start + 1; end <= Math.min(line.length, start + MAX_TITLE_WORDS); end++) {
      const title = titles.get(line.slice(start, end).join(' '));
      if (title !== undefined && title !== own) return title;
    }
  }
  return undefined;
}

/** The words of a line or title, punctuation at their edges dropped, capitals kept. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
}
