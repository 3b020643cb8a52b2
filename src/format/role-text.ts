import type { ResolvedRole } from '../schema/role.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph, paragraphs } from './wrap.js';

export interface RoleTextOptions {
  color: boolean;
  /** Role id → title, to name where inherited expectations come from. */
  titles: Map<string, string>;
  /** The terminal's columns to wrap to; none when piped. */
  width?: number;
}

/**
 * The terminal view of a resolved role. Own expectations are marked `●`, inherited ones `○` with their
 * source, so the difference survives without colour (pipes, NO_COLOR).
 */
export function formatRole(role: ResolvedRole, { color, titles, width }: RoleTextOptions): string {
  [role, titles] = showControlsIn([role, titles] as const);
  const c = paint(color);
  const title = (id: string) => titles.get(id) ?? id;
  const lines = [
    c.bold(role.title),
    c.dim(`${role.id} · track ${role.track} · level ${role.level} · ${role.file}`),
    `Inherits: ${role.chain.length > 1 ? role.chain.slice(1).map(title).join(' → ') : c.dim('nothing (top of its chain)')}`,
  ];
  // Prose wraps flush left; only the lines under a marker hang.
  if (role.description) lines.push('', ...paragraphs(role.description).split('\n').map((line) => hang('', line, width)));
  let own = 0;
  let inherited = 0;
  for (const section of role.sections) {
    lines.push('', c.bold.underline(section.title));
    for (const { expectation, depth, opens } of placeExpectations(section)) {
      if (opens !== undefined) lines.push(`  ${c.italic(opens)}`);
      const indent = '  '.repeat(depth + (expectation.subsection === undefined ? 1 : 2));
      if (expectation.source === role.id) {
        own++;
        lines.push(hang(`${indent}${c.green('●')} `, oneParagraph(expectation.text), width));
      } else {
        inherited++;
        lines.push(hang(`${indent}${c.dim('○')} `, oneParagraph(expectation.text), width, c.dim(`(${title(expectation.source)})`)));
      }
      for (const example of expectation.examples ?? []) lines.push(hang(`${indent}    `, c.dim(`e.g. ${oneParagraph(example)}`), width));
    }
    for (const example of section.examples ?? []) lines.push(hang('  ', c.dim(`e.g. ${oneParagraph(example.text)}`), width, c.dim(`(${title(example.source)})`)));
  }
  lines.push('', c.dim(`${plural(own + inherited, 'expectation')}: ${own} own (●), ${inherited} inherited (○)`));
  return fitLines(lines.join('\n'), width) + '\n';
}
