import type { RoleNew } from '../schema/role-new.js';
import { inlineWordDiff } from './diff-text.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

/**
 * What a role adds to its parent, section by section: each new expectation `●`, and one that sharpens an
 * inherited expectation as "was: … / now: …", the now line a word diff (git's `[-removed-]{+added+}`
 * without colour) so the change reads at a glance.
 */
export function formatRoleNew(role: RoleNew, { color, titles, width }: { color: boolean; titles: Map<string, string>; width?: number }): string {
  [role, titles] = showControlsIn([role, titles] as const);
  const c = paint(color);
  const { parent, summary } = role;
  const lines = [c.bold(role.title), c.dim(`${role.id} · track ${role.track} · level ${role.level} · ${role.file}`)];
  lines.push(
    parent
      ? `Compared with ${parent.title}: ${plural(summary.new, 'new expectation')}${evolvedPart(summary)}`
      : `${role.title} inherits from no role: all ${plural(summary.new, 'expectation')} are new`,
  );
  for (const section of role.sections) {
    lines.push('', c.bold.underline(section.title));
    for (const { expectation: e, depth, opens } of placeExpectations(section)) {
      if (opens !== undefined) lines.push(`  ${c.italic(opens)}`);
      const indent = '  '.repeat(depth + (e.subsection === undefined ? 1 : 2));
      if (!e.evolvesFrom) {
        lines.push(hang(`${indent}${c.green('●')} `, oneParagraph(e.text), width), ...(e.examples ?? []).map((example) => hang(`${indent}    `, c.dim(`e.g. ${oneParagraph(example)}`), width)));
        continue;
      }
      const source = c.dim(`(${titles.get(e.evolvesFrom.source) ?? e.evolvesFrom.source})`);
      lines.push(hang(`${indent}${c.yellow('~')} was: `, oneParagraph(e.evolvesFrom.text), width, source));
      lines.push(hang(`${indent}  now: `, oneParagraph(inlineWordDiff(e.evolvesFrom.changes, c)), width));
    }
  }
  if (summary.new === 0) lines.push('', `Nothing new: ${role.title} holds exactly what ${parent?.title ?? 'it'} holds.`);
  if (summary.repeats > 0) lines.push('', c.dim(`${plural(summary.repeats, 'own expectation')} left out: each repeats or restates an inherited one.`));
  return fitLines(lines.join('\n'), width) + '\n';
}

/** ", 4 of them evolved from inherited ones", or for a single new expectation whether it did. */
function evolvedPart({ new: added, evolved }: RoleNew['summary']): string {
  if (added === 1) return evolved ? ', evolved from an inherited one' : '';
  return `, ${evolved} of them evolved from inherited ones`;
}
