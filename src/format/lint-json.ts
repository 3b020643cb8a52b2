import type { LintReport } from '../schema/lint-report.js';
import { formatJson } from './json.js';

/** The report as JSON, as described by schemas/lint-report.schema.json. */
export function formatLintJson(report: LintReport): string {
  return formatJson(report);
}
