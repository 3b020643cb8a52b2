import type { ResolvedExpectation } from '../schema/role.js';

/** An expectation as a renderer places it: how deep it is nested, and the subsection it opens, if any. */
export interface PlacedExpectation<E extends ResolvedExpectation = ResolvedExpectation> {
  expectation: E;
  /** 0 for a top-level bullet, 1 under another, and so on. */
  depth: number;
  /** Set on the first expectation of a `####` subsection: its heading. */
  opens?: string;
}

/**
 * Walks a section the way its files read: subsection headings where they start, nested bullets indented.
 * A nested bullet whose parent is not in the list (`show --new` leaves inherited ones out) sits at the top.
 */
export function placeExpectations<E extends ResolvedExpectation>(section: { expectations: E[] }): PlacedExpectation<E>[] {
  const depths = new Map<string, number>();
  let current: string | undefined;
  return section.expectations.map((expectation) => {
    const depth = expectation.parent === undefined ? 0 : (depths.get(expectation.parent) ?? -1) + 1;
    depths.set(expectation.id, depth);
    const opens = expectation.subsection !== current ? expectation.subsection : undefined;
    current = expectation.subsection;
    return { expectation, depth, ...(opens !== undefined ? { opens } : {}) };
  });
}
