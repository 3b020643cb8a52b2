import { join } from 'node:path';
import type { LintFinding, LintReport } from '../schema/lint-report.js';
import type { LintFormatOptions } from './lint-formats.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { displayWidth, hang, oneParagraph } from './wrap.js';

/** The narrowest the message column is made, however long the rule ids: below it a message reads badly. */
const MESSAGE_NARROWEST = 24;

/**
 * ESLint's default look: findings grouped under their file, columns aligned, a count at the end. Clean is
 * silent. On a terminal the message column is narrowed to fit and messages wrap under it; a rule id or a
 * path is never broken.
 */
export function formatLintStylish(report: LintReport, { color, width, here }: Pick<LintFormatOptions, 'color' | 'width' | 'here'>): string {
  report = showControlsIn(report);
  if (report.findings.length === 0) return '';
  const c = paint(color);
  const byFile = new Map<string, LintFinding[]>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const placeWidth = Math.max(...report.findings.map((f) => `${f.line}:${f.column}`.length));
  const ruleWidth = Math.max(...report.findings.map((f) => f.ruleId.length));
  const lead = 2 + placeWidth + 2 + 7 + 2;
  const longest = Math.max(...report.findings.map((f) => displayWidth(oneParagraph(f.message))));
  const messageWidth = width === undefined ? longest : Math.min(longest, Math.max(MESSAGE_NARROWEST, width - lead - 2 - ruleWidth));
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(c.underline(here ? join(here, file) : file));
    for (const f of findings) {
      const place = `${f.line}:${f.column}`.padEnd(placeWidth);
      const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const [first, ...rest] = hang('', oneParagraph(f.message), width === undefined ? undefined : messageWidth).split('\n');
      const pad = ' '.repeat(Math.max(0, messageWidth - displayWidth(first!)));
      out.push(`  ${c.dim(place)}  ${severity}  ${first}${pad}  ${c.dim(f.ruleId)}`.trimEnd());
      out.push(...rest.map((line) => `${' '.repeat(lead)}${line}`));
    }
    out.push('');
  }
  const { errors, warnings, fixable } = report.summary;
  const total = errors + warnings;
  const mark = errors > 0 ? c.red.bold : c.yellow.bold;
  out.push(mark(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`));
  if (fixable > 0) out.push(mark(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`));
  return out.join('\n') + '\n';
}
