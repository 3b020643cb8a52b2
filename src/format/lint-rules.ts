import type { LintRuleMeta } from '../schema/lint-report.js';

/**
 * `ladder lint --list-rules`: a rule a line with the columns a ladder.yaml author needs, then one example
 * it flags and one it passes, indented under it.
 */
export function formatRuleList(rules: readonly LintRuleMeta[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) =>
    [
      `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.fixable ? 'fixable' : '       '}  ${rule.description}`,
      `    flags:  ${rule.flags}`,
      `    passes: ${rule.passes}`,
    ].join('\n'),
  );
  return `${lines.join('\n')}\n`;
}
