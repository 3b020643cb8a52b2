import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';

/** Every expectation a role file holds, in sections or stray before them. */
export function expectationsOf(role: RoleNode): ParsedExpectation[] {
  return [...role.strayExpectations, ...role.sections.flatMap((section) => section.expectations)];
}
