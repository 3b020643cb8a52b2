import type { ChangedExpectation, LadderChanges, RewordedExpectation, RoleChanges } from '../schema/changes.js';
import type { WordChange } from '../schema/diff.js';
import { reachPhrase, revisionName, summaryLine } from './changes-text.js';
import { codeSpan as code, escapeMarkdown, inertMarkdown } from './markdown-escape.js';

/**
 * A pull-request comment: what the change does to the ladder, role by role, so a reviewer sees that an
 * edit to one role reaches every role that inherits it. Expectation texts keep their Markdown but lose raw
 * HTML, comments and mentions (see inertMarkdown): a comment in a bullet must not hide the changes after
 * it from the reviewer. A rewording is shown with `<del>`/`<ins>`, which GitHub and GitLab render.
 */
export function formatChangesMarkdown(changes: LadderChanges): string {
  const blocks = [
    `## Ladder changes: ${code(revisionName(changes.from))} → ${code(revisionName(changes.to))}`,
    summaryLine(changes) + '.',
  ];
  for (const role of changes.roles) blocks.push(...roleBlocks(role));
  if (changes.roles.length === 0) blocks.push('No changes to any role.');
  return blocks.join('\n\n') + '\n';
}

function roleBlocks(role: RoleChanges): string[] {
  const facts = [`${code(role.id)} · ${code(role.file)} · ${role.status}`];
  const { renamed, parent, level, track } = role;
  if (renamed) {
    for (const key of ['id', 'title', 'file'] as const) if (renamed[key]) facts.push(`${key}: ${code(renamed[key].from)} → ${code(renamed[key].to)}`);
  }
  if (parent) {
    const name = (ref: typeof parent.from) => (ref ? `**${escapeMarkdown(ref.title)}**` : '*(none)*');
    facts.push(`inherits from ${name(parent.from)} → ${name(parent.to)}${parent.reaches.length > 1 ? ` (${reachPhrase(parent.reaches, 'inherited expectations change in')})` : ''}`);
  }
  if (level) facts.push(`level ${level.from} → ${level.to}`);
  if (track) facts.push(`track ${escapeMarkdown(track.from)} → ${escapeMarkdown(track.to)}`);
  const blocks = [`### ${escapeMarkdown(role.title)}`, facts.map((fact) => `- ${fact}`).join('\n')];
  for (const section of role.sections) {
    const items = [
      ...section.added.map((e) => item('Added', inertMarkdown(e.text), e)),
      ...section.removed.map((e) => item('Removed', `~~${inertMarkdown(e.text)}~~`, e)),
      ...section.reworded.map((e) => item('Reworded', wordDiff(e.changes), e)),
    ];
    blocks.push(`**${escapeMarkdown(section.title)}**`, items.join('\n'));
  }
  return blocks;
}

function item(kind: string, text: string, e: ChangedExpectation | RewordedExpectation): string {
  const where = 'to' in e ? e.to : e;
  const reach = e.reaches.length > 1 ? `\n  <sub>${reachPhrase(e.reaches)}</sub>` : '';
  return `- **${kind}:** ${text} <sub>${code(`${where.file}:${where.line}`)}</sub>${reach}`;
}

function wordDiff(changes: WordChange[]): string {
  return changes
    .map(({ value, added, removed }) => (added ? tag('ins', inertMarkdown(value)) : removed ? tag('del', inertMarkdown(value)) : inertMarkdown(value)))
    .join('');
}

/** Wraps the words of a change, leaving its surrounding spaces outside the tag. */
function tag(name: string, value: string): string {
  return value.replace(/^(\s*)([\s\S]*?)(\s*)$/, (all, lead: string, words: string, trail: string) => (words ? `${lead}<${name}>${words}</${name}>${trail}` : all));
}
