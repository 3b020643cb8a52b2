import type { ChalkInstance } from 'chalk';
import type { DiffExpectation, DiffSection, RoleDiff, WordChange } from '../schema/diff.js';
import { paint } from './paint.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

export interface DiffTextOptions {
  color: boolean;
  /** Role id → title, to name the role an expectation comes from. */
  titles: Map<string, string>;
  /** List kept expectations too, not only count them. */
  all?: boolean;
  /** The terminal's columns to wrap to; none when piped. */
  width?: number;
}

/**
 * The terminal view of a role diff: `+` added, `-` removed, `=` kept (with --all), and for an added
 * expectation that sharpens an older one, the word diff inline. Markers carry the meaning without
 * colour; without colour the word diff uses git's `[-removed-]{+added+}` brackets.
 */
export function formatDiffText(diff: RoleDiff, { color, titles, all = false, width }: DiffTextOptions): string {
  [diff, titles] = showControlsIn([diff, titles] as const);
  const c = paint(color);
  const title = (id: string) => titles.get(id) ?? id;
  const { from, to } = diff;
  const span = (a: string | number, b: string | number) => (a === b ? String(a) : `${a} → ${b}`);
  const lines = [
    c.bold(`${from.title} → ${to.title}`),
    c.dim(`${from.id} → ${to.id} · level ${span(from.level, to.level)} · track ${span(from.track, to.track)}`),
  ];
  for (const section of diff.sections.filter((s) => s.added.length + s.removed.length > 0 || (all && s.kept > 0))) {
    lines.push('', c.bold.underline(section.title), ...sectionLines(section, c, title, { to: to.id, from: from.id, all, width }));
  }
  const { added, evolved, removed, kept } = diff.summary;
  if (added + removed === 0) lines.push('', 'No differences.');
  lines.push('', `${added} added (${evolved} evolved), ${removed} removed, ${kept} kept`);
  return fitLines(lines.join('\n'), width) + '\n';
}

function sectionLines(
  section: DiffSection,
  c: ChalkInstance,
  title: (id: string) => string,
  roles: { from: string; to: string; all: boolean; width?: number },
): string[] {
  // Name the source role only when it is not the role being compared: in a diff across several levels
  // that tells which intermediate role an expectation comes from.
  const from = (source: string, role: string) => (source === role ? [] : [title(source)]);
  const note = (parts: string[]) => (parts.length ? c.dim(`(${parts.join('; ')})`) : '');
  const line = (mark: string, text: string, parts: string[]) => hang(`  ${mark} `, oneParagraph(text), roles.width, note(parts));
  const lines = section.added.map((e: DiffExpectation) => {
    if (!e.evolvesFrom) return line(c.green('+'), c.green(e.text), from(e.source, roles.to));
    const evolution = `evolves from ${title(e.evolvesFrom.source)}`;
    return line(c.green('+'), inlineWordDiff(e.evolvesFrom.changes, c), [...from(e.source, roles.to), evolution]);
  });
  lines.push(...section.removed.map((e) => line(c.red('-'), c.red(e.text), from(e.source, roles.from))));
  if (roles.all) lines.push(...(section.keptExpectations ?? []).map((e) => line(c.dim('='), e.text, [title(e.source)])));
  else if (section.kept > 0) lines.push(`  ${c.dim(`= ${section.kept} kept`)}`);
  return lines;
}

export function inlineWordDiff(changes: WordChange[], c: ChalkInstance): string {
  const plain = c.level === 0;
  return changes
    .map((change) => {
      if (change.added) return outsideSpace(change.value, (words) => (plain ? `{+${words}+}` : c.green.bold(words)));
      if (change.removed) return outsideSpace(change.value, (words) => (plain ? `[-${words}-]` : c.red.strikethrough(words)));
      return change.value;
    })
    .join('');
}

/** Applies `mark` to the words of a change, leaving its surrounding spaces unmarked. */
function outsideSpace(value: string, mark: (words: string) => string): string {
  const [, lead, words, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(value)!;
  return words ? `${lead}${mark(words)}${trail}` : value;
}
