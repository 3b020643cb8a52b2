import type { AssessReport, EvidenceItem, Orphan } from '../schema/evidence.js';
import { itemDetails } from './assess-link.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

export interface AssessOutputOptions {
  color: boolean;
  /** The terminal's columns to wrap to; none when piped. */
  width?: number;
}

/**
 * The terminal view of an assessment: per section, `✓` for an expectation with evidence (its pieces
 * under it) and `·` for one without; then orphaned evidence and ratings off the scale. Everything from the
 * evidence file and the ladder has its control characters written out before colour is added.
 */
export function formatAssessText(report: AssessReport, { color, width }: AssessOutputOptions): string {
  report = showControlsIn(report);
  const c = paint(color);
  const { summary } = report;
  const lines = [
    c.bold(report.role ? `${report.role.title} → ${report.target.title}` : report.target.title),
    c.dim(`evidence from ${report.evidenceFile}`),
  ];
  for (const section of report.sections) {
    const done = section.expectations.filter((e) => e.evidence.length > 0).length;
    lines.push('', `${c.bold.underline(section.title)} ${c.dim(`${done} of ${section.expectations.length} with evidence`)}`);
    for (const expectation of section.expectations) {
      const has = expectation.evidence.length > 0;
      lines.push(hang(has ? `  ${c.green('✓')} ` : `  ${c.yellow('·')} `, oneParagraph(expectation.text), width));
      for (const item of expectation.evidence) lines.push(hang('      ', itemLine(item), width));
    }
  }
  if (report.orphans.length) {
    lines.push('', c.bold('Evidence under ids the target does not have'));
    for (const orphan of report.orphans) lines.push(...orphanLines(orphan, report.evidenceFile, width));
  }
  if (report.ratingProblems.length) {
    lines.push('', c.bold(`Ratings not on the scale (${report.scale.join(', ')})`));
    for (const problem of report.ratingProblems) lines.push(`  ${report.evidenceFile}:${problem.line}: ${problem.who}: "${problem.rating}"`);
  }
  lines.push('', `${plural(summary.expectations, 'expectation')}: ${summary.withEvidence} with evidence, ${summary.gap} without`);
  return fitLines(lines.join('\n'), width) + '\n';
}

function itemLine(item: EvidenceItem): string {
  const details = itemDetails(item);
  return [item.link, item.note && oneParagraph(item.note), details && `(${details})`].filter(Boolean).join(' — ');
}

function orphanLines(orphan: Orphan, file: string, width: number | undefined): string[] {
  const lines = [hang('  ', `${file}:${orphan.line}: ${orphan.id} (${plural(orphan.items, 'piece')} of evidence)${orphan.text ? `: "${oneParagraph(orphan.text)}"` : ''}`, width)];
  if (!orphan.closest) lines.push('    no expectation text beside the id to compare; move the evidence by hand');
  else {
    const verdict = orphan.movable ? 'ladder assess --fix moves it there' : 'too different to be sure; move it by hand if it is the one';
    lines.push(hang('    closest: ', `"${oneParagraph(orphan.closest.text)}" ${orphan.closest.id} (likeness ${orphan.closest.similarity.toFixed(2)}): ${verdict}`, width));
  }
  return lines;
}
