import type { LintContext, Report } from '../rule.js';

/**
 * Findings for defects the loader or the graph already detected: rules surface them, they do not detect
 * them again. A problem without a line (an unreadable folder) points at the file's first line.
 */
export function fromProblems(ctx: LintContext, codes: readonly string[]): Report[] {
  return ctx.problems
    .filter((problem) => codes.includes(problem.code))
    .map(({ file, line, column, message }) => ({ file, line: line || 1, column: column || 1, message: sentence(message) }));
}

/** Problem messages are lower-case clauses; findings read as sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
