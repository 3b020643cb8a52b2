import type { ProblemCode } from '../../schema/parsed.js';
import type { LintContext, LintRule, Report } from '../rule.js';

/** A rule that reports defects the loader or the graph already detected, by their problem codes. */
export interface ProblemRule<Id extends string = string, Code extends ProblemCode = ProblemCode> extends LintRule<Id> {
  /** The codes it reports; each code belongs to exactly one rule (rules/index.ts fails to compile otherwise). */
  problemCodes: readonly Code[];
}

/** Declares a rule that surfaces problems of the given codes as findings, rather than detecting them again. */
export function problemRule<const Id extends string, const Code extends ProblemCode>(rule: Omit<ProblemRule<Id, Code>, 'check'>): ProblemRule<Id, Code> {
  return { ...rule, check: (ctx) => fromProblems(ctx, rule.problemCodes) };
}

/** Findings for problems of these codes. A problem without a line (an unreadable folder) points at the file's first line. */
function fromProblems(ctx: LintContext, codes: readonly ProblemCode[]): Report[] {
  return ctx.problems
    .filter((problem) => codes.includes(problem.code))
    .map(({ file, line, column, message }) => ({ file, line: line || 1, column: column || 1, message: sentence(message) }));
}

/** Problem messages are lower-case clauses; findings read as sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
