import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';
import type { LintContext, Report } from '../rule.js';

/** Every expectation a role file holds, in sections or stray before them. */
export function expectationsOf(role: RoleNode): ParsedExpectation[] {
  return [...role.strayExpectations, ...role.sections.flatMap((section) => section.expectations)];
}

/** The file an expectation is written in: its role's, unless the role was read from several files. */
export function fileOf(expectation: ParsedExpectation, role: RoleNode): string {
  return expectation.file ?? role.file;
}

/** Runs `check` on each expectation of each role, with the lines of the file it is written in, and gathers the reports. */
export function checkExpectations(
  ctx: LintContext,
  check: (expectation: ParsedExpectation, role: RoleNode, lines: string[]) => Report[],
): Report[] {
  return ctx.roles.flatMap((role) =>
    expectationsOf(role).flatMap((expectation) => {
      const source = ctx.source(fileOf(expectation, role));
      return source ? check(expectation, role, ctx.lines(source)) : [];
    }),
  );
}
