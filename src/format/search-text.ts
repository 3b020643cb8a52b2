import type { SearchResult } from '../schema/search.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControls, showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

export interface SearchTextOptions {
  color: boolean;
  /** Role id → title. */
  titles: Map<string, string>;
  /** The terminal's columns to wrap to; none when piped. */
  width?: number;
}

/**
 * Search hits as `file:line` (what editors turn into links), where the text sits, then the text with the
 * query words highlighted and the roles that hold it.
 */
export function formatSearch({ query, hits }: SearchResult, { color, titles, width }: SearchTextOptions): string {
  const c = paint(color);
  // The match offsets index the raw text, so the text is escaped piece by piece below, everything else here.
  [query, titles] = showControlsIn([query, titles] as const);
  const title = (id: string) => titles.get(id) ?? id;
  if (hits.length === 0) return `No expectation or description matches "${query}".\n`;
  const lines: string[] = [];
  for (const found of hits) {
    const hit = showControlsIn({ ...found, text: '' });
    const from = hit.source === hit.role ? '' : c.dim(` (from ${title(hit.source)})`);
    lines.push(`${c.cyan(`${hit.file}:${hit.line}`)}  ${c.bold(title(hit.role))} › ${hit.section}${from}`);
    let text = '';
    let at = 0;
    for (const match of found.matches) {
      text += showControls(found.text.slice(at, match.start)) + c.bold.red(showControls(found.text.slice(match.start, match.end)));
      at = match.end;
    }
    lines.push(hang('  ', oneParagraph(text + showControls(found.text.slice(at))), width));
    if (hit.roles.length > 1) lines.push(hang('  ', c.dim(`held by ${hit.roles.length} roles: ${hit.roles.join(', ')}`), width));
  }
  const roles = new Set(hits.map((h) => h.source)).size;
  lines.push('', c.dim(`${plural(hits.length, 'hit')} in ${plural(roles, 'role')}`));
  return fitLines(lines.join('\n'), width) + '\n';
}
