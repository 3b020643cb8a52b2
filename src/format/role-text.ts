import type { ResolvedRole } from '../schema/role.js';
import { paint } from './paint.js';
import { placeExpectations } from './section-outline.js';
import { showControlsIn } from './terminal-text.js';

export interface RoleTextOptions {
  color: boolean;
  /** Role id → title, to name where inherited expectations come from. */
  titles: Map<string, string>;
}

/**
 * The terminal view of a resolved role. Own expectations are marked `●`, inherited ones `○` with their
 * source, so the difference survives without colour (pipes, NO_COLOR).
 */
export function formatRole(role: ResolvedRole, { color, titles }: RoleTextOptions): string {
  [role, titles] = showControlsIn([role, titles] as const);
  const c = paint(color);
  const title = (id: string) => titles.get(id) ?? id;
  const lines = [
    c.bold(role.title),
    c.dim(`${role.id} · track ${role.track} · level ${role.level} · ${role.file}`),
    `Inherits: ${role.chain.length > 1 ? role.chain.slice(1).map(title).join(' → ') : c.dim('nothing (top of its chain)')}`,
  ];
  if (role.description) lines.push('', role.description);
  let own = 0;
  let inherited = 0;
  for (const section of role.sections) {
    lines.push('', c.bold.underline(section.title));
    for (const { expectation, depth, opens } of placeExpectations(section)) {
      if (opens !== undefined) lines.push(`  ${c.italic(opens)}`);
      const indent = '  '.repeat(depth + (expectation.subsection === undefined ? 1 : 2));
      if (expectation.source === role.id) {
        own++;
        lines.push(`${indent}${c.green('●')} ${expectation.text}`);
      } else {
        inherited++;
        lines.push(`${indent}${c.dim('○')} ${expectation.text} ${c.dim(`(${title(expectation.source)})`)}`);
      }
      for (const example of expectation.examples ?? []) lines.push(`${indent}    ${c.dim(`e.g. ${example}`)}`);
    }
    for (const example of section.examples ?? []) lines.push(`  ${c.dim(`e.g. ${example.text} (${title(example.source)})`)}`);
  }
  lines.push('', c.dim(`${own + inherited} expectations: ${own} own (●), ${inherited} inherited (○)`));
  return lines.join('\n') + '\n';
}
