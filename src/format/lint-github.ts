import type { LintReport } from '../schema/lint-report.js';
import type { LintFormatOptions } from './lint-formats.js';
import { fromRunFolder } from './run-folder.js';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
 * Values are escaped as the runner expects, so a message with a comma or newline stays whole.
 */
export function formatLintGithub(report: LintReport, { base }: Pick<LintFormatOptions, 'base'>): string {
  return report.findings
    .map((f) => {
      const level = f.severity === 'error' ? 'error' : 'warning';
      const properties = `file=${property(fromRunFolder(base, f.file))},line=${f.line},col=${f.column},title=${property(`ladder(${f.ruleId})`)}`;
      return `::${level} ${properties}::${data(f.message)}\n`;
    })
    .join('');
}

/** An error about the whole run (not one file), such as too many warnings: shown on the run's summary. */
export function githubRunError(message: string): string {
  return `::error title=${property('ladder')}::${data(message)}\n`;
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
