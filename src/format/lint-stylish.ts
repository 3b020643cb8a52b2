import type { LintFinding, LintReport } from '../schema/lint-report.js';
import type { LintFormatOptions } from './lint-formats.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';

/** ESLint's default look: findings grouped under their file, columns aligned, a count at the end. Clean is silent. */
export function formatLintStylish(report: LintReport, { color }: Pick<LintFormatOptions, 'color'>): string {
  report = showControlsIn(report);
  if (report.findings.length === 0) return '';
  const c = paint(color);
  const byFile = new Map<string, LintFinding[]>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const placeWidth = Math.max(...report.findings.map((f) => `${f.line}:${f.column}`.length));
  const messageWidth = Math.max(...report.findings.map((f) => f.message.length));
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(c.underline(file));
    for (const f of findings) {
      const place = `${f.line}:${f.column}`.padEnd(placeWidth);
      const severity = f.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      out.push(`  ${c.dim(place)}  ${severity}  ${f.message.padEnd(messageWidth)}  ${c.dim(f.ruleId)}`.trimEnd());
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
