import type { OrphanedEvidence } from '../schema/evidence.js';
import { codeSpan, escapeMarkdown, inertMarkdown } from './markdown-escape.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, oneParagraph } from './wrap.js';

/** `ladder changes --evidence`, as text: after the changes, each evidence id a change orphans, and what it became. */
export function formatOrphanedText(file: string, orphaned: OrphanedEvidence[], width?: number): string {
  [file, orphaned] = showControlsIn([file, orphaned] as const);
  if (orphaned.length === 0) return `\nNo evidence in ${file} is orphaned by these changes.\n`;
  const lines = ['', `Evidence in ${file} orphaned by these changes: ${plural(orphaned.length, 'id')}`];
  for (const o of orphaned) {
    lines.push(`  ${o.id}: ${o.change} in ${o.role}: "${oneParagraph(o.text)}"`);
    lines.push(o.to ? `    now ${o.to.id}: "${oneParagraph(o.to.text)}" (ladder assess --fix moves it)` : '    no expectation takes its place');
  }
  return fitLines(lines.join('\n'), width) + '\n';
}

/** The same as a Markdown section, for a pull-request comment. */
export function formatOrphanedMarkdown(file: string, orphaned: OrphanedEvidence[]): string {
  if (orphaned.length === 0) return `\nNo evidence in ${codeSpan(file)} is orphaned by these changes.\n`;
  const items = orphaned.map(
    (o) => `- ${codeSpan(o.id)} ${o.change} in ${codeSpan(o.role)}: “${inertMarkdown(o.text)}”` + (o.to ? ` → ${codeSpan(o.to.id)} “${inertMarkdown(o.to.text)}”` : ' (no replacement)'),
  );
  return `\n## Evidence orphaned (${escapeMarkdown(file)})\n\n${items.join('\n')}\n`;
}
