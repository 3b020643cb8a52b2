import type { DiffExpectation, DiffRole, DiffSection, RoleDiff } from '../schema/diff.js';
import type { ResolvedExpectation, ResolvedRole } from '../schema/role.js';
import { expectationKey } from '../text/expectation-key.js';
import { judge } from '../text/judgement.js';
import { pairEvolutions } from './pair.js';
import { wordChanges } from './word-diff.js';

/** What comparing reads of a role: the site's compare script rebuilds no more than this in the browser. */
export type ComparedRole = Pick<ResolvedRole, 'id' | 'title' | 'level' | 'track' | 'sections'>;

/**
 * What changes from one role to another, section by section: expectations the target adds (each with the
 * source role's expectation it sharpens, if any), ones it no longer holds, and how many carry over.
 * Works in any direction and across tracks; comparing a role with itself gives an empty diff.
 */
export function compareRoles(from: ComparedRole, to: ComparedRole): RoleDiff {
  const fromSections = new Map(from.sections.map((section) => [section.id, section]));
  const toSectionIds = new Set(to.sections.map((section) => section.id));
  // Sections are matched by slug of the title, the same key resolveRole merges inherited sections by,
  // so "Team building" and "team Building" are one section here as they are in `show`.
  const sections = [
    ...to.sections.map((section) => compareSection(section.title, fromSections.get(section.id)?.expectations ?? [], section.expectations)),
    ...from.sections.filter((section) => !toSectionIds.has(section.id)).map((section) => compareSection(section.title, section.expectations, [])),
  ];
  const count = (pick: (section: DiffSection) => number) => sections.reduce((n, section) => n + pick(section), 0);
  return {
    from: describe(from),
    to: describe(to),
    summary: {
      added: count((s) => s.added.length),
      removed: count((s) => s.removed.length),
      kept: count((s) => s.kept),
      evolved: count((s) => s.added.filter((e) => e.evolvesFrom).length),
    },
    sections,
  };
}

export function hasDifferences(diff: RoleDiff): boolean {
  return diff.summary.added + diff.summary.removed > 0;
}

function describe(role: ComparedRole): DiffRole {
  return { id: role.id, title: role.title, level: role.level, track: role.track };
}

function compareSection(title: string, older: ResolvedExpectation[], newer: ResolvedExpectation[]): DiffSection {
  const kept = keptExpectations(older, newer);
  const keptOlder = new Set(kept.values());
  const added = newer.filter((expectation) => !kept.has(expectation));
  // Every expectation of the source role in the section is a candidate, kept ones included: a VP bullet
  // usually sharpens a Director bullet the VP still inherits.
  const evolutions = new Map(pairEvolutions(added, older).map((pair) => [pair.target, pair]));
  return {
    title,
    added: added.map((expectation): DiffExpectation => {
      const pair = evolutions.get(expectation);
      if (!pair) return ref(expectation);
      return {
        ...ref(expectation),
        evolvesFrom: {
          ...ref(pair.source),
          similarity: Math.round(pair.similarity * 100) / 100,
          changes: wordChanges(pair.source.text, expectation.text),
        },
      };
    }),
    removed: older.filter((expectation) => !keptOlder.has(expectation)).map(ref),
    kept: kept.size,
    keptExpectations: newer.filter((expectation) => kept.has(expectation)).map(ref),
  };
}

/**
 * Newer expectations the older role also holds, each mapped to its older counterpart: the same id (same
 * source role, section and wording), or else the same `expectationKey`, so one bullet written in two files is
 * not reported as removed and added again, or else one it restates. Older expectations are matched one to one while they last; a
 * further newer one with the same key (a role repeating a bullet it inherits) is still no addition,
 * and maps to the last of them.
 */
function keptExpectations(older: ResolvedExpectation[], newer: ResolvedExpectation[]): Map<ResolvedExpectation, ResolvedExpectation> {
  const kept = new Map<ResolvedExpectation, ResolvedExpectation>();
  const olderById = new Map(older.map((expectation) => [expectation.id, expectation]));
  for (const expectation of newer) {
    const same = olderById.get(expectation.id);
    if (same) kept.set(expectation, same);
  }
  const matched = new Set(kept.values());
  const olderByText = new Map<string, ResolvedExpectation[]>();
  for (const expectation of [...older.filter((e) => !matched.has(e)), ...older.filter((e) => matched.has(e))]) {
    const key = expectationKey(expectation.text);
    olderByText.set(key, [...(olderByText.get(key) ?? []), expectation]);
  }
  for (const expectation of newer.filter((e) => !kept.has(e))) {
    const same = olderByText.get(expectationKey(expectation.text));
    if (same?.length) kept.set(expectation, same.length > 1 ? same.shift()! : same[0]!);
  }
  for (const expectation of newer.filter((e) => !kept.has(e))) {
    const restated = closestRestated(older, expectation);
    if (restated) kept.set(expectation, restated);
  }
  return kept;
}

/**
 * The older expectation a newer one restates (adds nothing to: src/text/judgement.ts), the likeliest if
 * several: what lint's restates-inherited reports is no addition here either.
 */
function closestRestated(older: ResolvedExpectation[], newer: ResolvedExpectation): ResolvedExpectation | undefined {
  let best: { expectation: ResolvedExpectation; similarity: number } | undefined;
  for (const expectation of older) {
    const { judgement, similarity } = judge(expectation.text, newer.text);
    if (judgement === 'restated' && (!best || similarity > best.similarity)) best = { expectation, similarity };
  }
  return best?.expectation;
}

/** An expectation as diff output carries it: where it sits (subsection, the bullet it is nested under) and its examples included. */
function ref({ id, text, source, line, subsection, parent, examples }: ResolvedExpectation): ResolvedExpectation {
  return { id, text, source, line, ...(subsection !== undefined ? { subsection } : {}), ...(parent !== undefined ? { parent } : {}), ...(examples ? { examples } : {}) };
}
