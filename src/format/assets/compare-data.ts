import type { ComparedRole } from '../../diff/compare-roles.js';
import type { ResolvedExpectation, ResolvedRole, ResolvedSection } from '../../schema/role.js';

/**
 * The resolved ladder as the compare page ships it (`assets/compare-data.js`). An inherited expectation is
 * the same in every role that holds it (its id names source, section and text), so each is written once
 * and roles list ids: a deep chain would otherwise repeat its root's expectations on every level.
 */
export interface CompareData {
  roles: { id: string; title: string; level: number; track: string; inherits: string | null; sections: { id: string; title: string; expectations: string[] }[] }[];
  expectations: Record<string, Omit<ResolvedExpectation, 'id'>>;
  /** Every role's title, also of roles left out of the export that expectations come from. */
  titles: Record<string, string>;
}

export function compareData(roles: readonly ResolvedRole[], titles: ReadonlyMap<string, string>): CompareData {
  const expectations: CompareData['expectations'] = {};
  const shipped = roles.map(({ id, title, level, track, inherits, sections }) => ({
    id,
    title,
    level,
    track,
    inherits,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      expectations: section.expectations.map(({ id: expectationId, ...rest }) => {
        expectations[expectationId] = rest;
        return expectationId;
      }),
    })),
  }));
  return { roles: shipped, expectations, titles: Object.fromEntries(titles) };
}

/** The roles back as `compareRoles` takes them, each expectation a fresh object as resolving gives. */
export function comparedRoles(data: CompareData): ComparedRole[] {
  return data.roles.map(({ id, title, level, track, sections }) => ({
    id,
    title,
    level,
    track,
    sections: sections.map((section): ResolvedSection => ({
      id: section.id,
      title: section.title,
      expectations: section.expectations.map((expectationId) => ({ id: expectationId, ...data.expectations[expectationId]! })),
    })),
  }));
}
