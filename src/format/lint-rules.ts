import type { LintRuleMeta } from '../schema/lint-report.js';

/** `ladder lint --list-rules`: one rule a line, the columns a ladder.yaml author needs. */
export function formatRuleList(rules: readonly LintRuleMeta[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.fixable ? 'fixable' : '       '}  ${rule.description}`);
  return `${lines.join('\n')}\n`;
}
