import type { LintFinding, LintReport } from '../schema/lint-report.js';
import type { LintFormatOptions } from './lint-formats.js';
import { plural } from './plural.js';

/** JUnit XML for CI dashboards: one test case per file, failed when it has findings, each one listed. */
export function formatLintJunit(report: LintReport, { files }: Pick<LintFormatOptions, 'files'>): string {
  const byFile = new Map<string, LintFinding[]>(files.map((file) => [file, []]));
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const failures = [...byFile.values()].filter((findings) => findings.length > 0).length;
  const cases = [...byFile].map(([file, findings]) => {
    const open = `    <testcase classname="ladder.lint" name="${xml(file)}" time="0"`;
    if (findings.length === 0) return `${open} />`;
    const details = findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`).join('\n');
    const summary = plural(findings.length, 'problem');
    return `${open}>\n      <failure type="lint" message="${xml(summary)}">${xml(details)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ladder lint" tests="${byFile.size}" failures="${failures}">`,
    `  <testsuite name="ladder lint" tests="${byFile.size}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escapes text for XML, dropping the control characters XML 1.0 cannot carry at all. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
