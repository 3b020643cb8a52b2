import type { ChalkInstance } from 'chalk';
import type { ChangedExpectation, LadderChanges, RewordedExpectation, RoleChanges } from '../schema/changes.js';
import { inlineWordDiff } from './diff-text.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

/** How many role ids a "reaches" line names before it only counts the rest. */
export const REACH_SHOWN = 8;

/**
 * The terminal view of ladder changes: per role, what happened to it (added, removed, renamed, a new
 * parent or level) and its expectations `+` added, `-` removed, `~` reworded (as a word diff, git's
 * `[-removed-]{+added+}` without colour), each followed by the roles it reaches when that is more than
 * the role itself. Markers carry the meaning without colour.
 */
export function formatChangesText(changes: LadderChanges, { color, width }: { color: boolean; width?: number }): string {
  changes = showControlsIn(changes);
  const c = paint(color);
  const lines = [c.bold(`${revisionName(changes.from)} → ${revisionName(changes.to)}`), c.dim(summaryLine(changes))];
  for (const role of changes.roles) lines.push('', ...roleLines(role, c, width));
  if (changes.roles.length === 0) lines.push('', 'No changes.');
  return fitLines(lines.join('\n'), width) + '\n';
}

export function revisionName({ revision, commit }: LadderChanges['from']): string {
  return revision === null ? 'working tree' : `${revision} (${commit!.slice(0, 7)})`;
}

/** "2 roles changed, 1 added, … · 3 expectations added, … · 6 roles reached", also the Markdown lead. */
export function summaryLine({ summary: s }: LadderChanges): string {
  return [
    `${plural(s.rolesChanged, 'role')} changed (${s.rolesRenamed} renamed), ${s.rolesAdded} added, ${s.rolesRemoved} removed`,
    `${plural(s.added + s.removed + s.reworded, 'expectation')}: ${s.added} added, ${s.removed} removed, ${s.reworded} reworded`,
    `${plural(s.reached, 'role')} reached`,
  ].join(' · ');
}

/** "reaches 6 roles: a, b, …", naming at most REACH_SHOWN of them. */
export function reachPhrase(reaches: string[], verb = 'reaches'): string {
  const shown = reaches.slice(0, REACH_SHOWN).join(', ');
  const more = reaches.length > REACH_SHOWN ? `, and ${reaches.length - REACH_SHOWN} more` : '';
  return `${verb} ${plural(reaches.length, 'role')}: ${shown}${more}`;
}

const MARK = { added: '+', removed: '-', renamed: '~', changed: '~' } as const;

function roleLines(role: RoleChanges, c: ChalkInstance, width: number | undefined): string[] {
  const colour = role.status === 'added' ? c.green : role.status === 'removed' ? c.red : c.yellow;
  const lines = [`${colour(MARK[role.status])} ${c.bold(role.title)} ${c.dim(`(${role.id} · ${role.file} · ${role.status})`)}`];
  const { renamed, parent, level, track } = role;
  if (renamed) {
    const parts = (['id', 'title', 'file'] as const).flatMap((key) => (renamed[key] ? [`${key} ${renamed[key].from} → ${renamed[key].to}`] : []));
    lines.push(`    renamed: ${parts.join('; ')}`);
  }
  if (parent) {
    const name = (ref: typeof parent.from) => (ref ? ref.title : '(none)');
    lines.push(`    parent: ${name(parent.from)} → ${name(parent.to)}`);
    if (parent.reaches.length > 1) lines.push(c.dim(`      ${reachPhrase(parent.reaches, 'inherited expectations change in')}`));
  }
  if (level) lines.push(`    level: ${level.from} → ${level.to}`);
  if (track) lines.push(`    track: ${track.from} → ${track.to}`);
  for (const section of role.sections) {
    lines.push(`  ${c.underline(section.title)}`);
    lines.push(...section.added.flatMap((e) => expectationLines(c.green('+'), c.green(e.text), e, c, width)));
    lines.push(...section.removed.flatMap((e) => expectationLines(c.red('-'), c.red(e.text), e, c, width)));
    lines.push(...section.reworded.flatMap((e) => expectationLines(c.yellow('~'), inlineWordDiff(e.changes, c), e, c, width)));
  }
  return lines;
}

function expectationLines(mark: string, text: string, e: ChangedExpectation | RewordedExpectation, c: ChalkInstance, width: number | undefined): string[] {
  // Where to read it: the newer file, or the older one for a removed expectation.
  const where = 'to' in e ? e.to : e;
  const lines = [hang(`    ${mark} `, oneParagraph(text), width, c.dim(`${where.file}:${where.line}`))];
  if (e.reaches.length > 1) lines.push(hang('      ', c.dim(reachPhrase(e.reaches)), width));
  return lines;
}
