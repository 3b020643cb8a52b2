import type { SourceFile } from '../load/load-ladder.js';
import type { ParsedRole } from '../schema/parsed.js';

/** A GFM table's delimiter row (`| --- | :-: |`) or an HTML table: a file that holds a table. */
const TABLE = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|<table\b/im;

/** What init makes of a ladder its default reader cannot read but another reader can: the format, and what was seen. */
export interface ReaderShape {
  format: 'matrix' | 'skill-files';
  /** What was seen, in words, from the roles the proposed format reads. */
  seen: (roles: ParsedRole[]) => string;
}

/**
 * A ladder kept as competency matrices: some file holds a table, no role names a parent, and no file with
 * a table holds a listed expectation (its expectations are in the table). Undefined otherwise.
 */
export function matrixShape(roles: ParsedRole[], sources: SourceFile[]): ReaderShape | undefined {
  const tables = new Set(sources.filter((source) => TABLE.test(source.text)).map((source) => source.file));
  if (tables.size === 0 || roles.some((role) => role.parent !== null)) return undefined;
  const listed = roles.some((role) => tables.has(role.file) && (role.strayExpectations.length > 0 || role.sections.some((s) => s.expectations.length > 0)));
  if (listed) return undefined;
  return {
    format: 'matrix',
    seen: (levels) => `a competency matrix, a role per level of each table and a section per competency, each level building on the one before: ${levelsByFile(levels)}`,
  };
}

/** "backend.md: Junior → Senior; data.md: Associate → Engineer". */
export function levelsByFile(roles: ParsedRole[]): string {
  const files = new Map<string, string[]>();
  for (const role of roles) files.set(role.file, [...(files.get(role.file) ?? []), role.title]);
  return [...files].map(([file, titles]) => `${file}: ${titles.join(' → ')}`).join('; ');
}
