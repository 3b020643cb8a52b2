import type { DiffExpectation, DiffRole, DiffSection, RoleDiff } from '../schema/diff.js';
import { codeSpan, escapeMarkdown, inertMarkdown } from './markdown-escape.js';

export interface DiffMarkdownOptions {
  /** Role id → title, to name the role an expectation comes from. */
  titles: Map<string, string>;
  /** List kept expectations too, not only count them. */
  all?: boolean;
}

/**
 * A promotion-prep document: per section, a checklist of what the target role adds (an evolved
 * expectation reads "From “old” to “new”"), then what it no longer asks for. Expectation texts keep their
 * Markdown but lose raw HTML and mentions (see inertMarkdown); names are escaped as plain text.
 */
export function formatDiffMarkdown(diff: RoleDiff, { titles, all = false }: DiffMarkdownOptions): string {
  const title = (id: string) => escapeMarkdown(titles.get(id) ?? id);
  const { from, to } = diff;
  const { added, evolved, removed, kept } = diff.summary;
  const blocks = [
    `# From ${escapeMarkdown(from.title)} to ${escapeMarkdown(to.title)}`,
    `${role(from)} → ${role(to)}\n\n${added} added (${evolved} evolved), ${removed} removed, ${kept} kept.` +
      (added ? ' Tick each added expectation once you can point to evidence of it.' : ''),
  ];
  for (const section of diff.sections.filter((s) => s.added.length + s.removed.length > 0 || (all && s.kept > 0))) {
    blocks.push(`## ${escapeMarkdown(section.title)}`, ...sectionBlocks(section, (source, roleId) => (source === roleId ? '' : ` *(${title(source)})*`), diff, all));
  }
  if (added + removed === 0) blocks.push(`No differences: ${escapeMarkdown(to.title)} holds exactly the expectations of ${escapeMarkdown(from.title)}.`);
  return blocks.join('\n\n') + '\n';
}

function role({ title, id, level, track }: DiffRole): string {
  return `**${escapeMarkdown(title)}** (${codeSpan(id)}, level ${level}, ${escapeMarkdown(track)})`;
}

function sectionBlocks(section: DiffSection, source: (source: string, roleId: string) => string, diff: RoleDiff, all: boolean): string[] {
  const blocks: string[] = [];
  const item = (e: DiffExpectation) =>
    e.evolvesFrom
      ? `- [ ] From “${inertMarkdown(e.evolvesFrom.text)}” to “${inertMarkdown(e.text)}”${source(e.source, diff.to.id)}`
      : `- [ ] ${inertMarkdown(e.text)}${source(e.source, diff.to.id)}`;
  if (section.added.length) blocks.push(section.added.map(item).join('\n'));
  if (section.removed.length) {
    blocks.push(`No longer expected:\n\n${section.removed.map((e) => `- ${inertMarkdown(e.text)}${source(e.source, diff.from.id)}`).join('\n')}`);
  }
  if (all && section.keptExpectations?.length) {
    blocks.push(`Still expected:\n\n${section.keptExpectations.map((e) => `- ${inertMarkdown(e.text)}`).join('\n')}`);
  } else if (section.kept > 0) {
    blocks.push(`*${section.kept} ${section.kept === 1 ? 'expectation carries' : 'expectations carry'} over unchanged.*`);
  }
  return blocks;
}
