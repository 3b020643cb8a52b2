import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';
import type { LintContext, Report } from '../rule.js';

/** Every expectation a role file holds, in sections or stray before them. */
export function expectationsOf(role: RoleNode): ParsedExpectation[] {
  return [...role.strayExpectations, ...role.sections.flatMap((section) => section.expectations)];
}

/** Runs `check` on each expectation of each role, with the lines of the role's file, and gathers the reports. */
export function checkExpectations(
  ctx: LintContext,
  check: (expectation: ParsedExpectation, role: RoleNode, lines: string[]) => Report[],
): Report[] {
  return ctx.roles.flatMap((role) => {
    const source = ctx.source(role.file);
    if (!source) return [];
    const lines = ctx.lines(source);
    return expectationsOf(role).flatMap((expectation) => check(expectation, role, lines));
  });
}
