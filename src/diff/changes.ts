import { descendants, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import type { ChangedExpectation, LadderChanges, RoleChanges, RoleRef, SectionChanges } from '../schema/changes.js';
import type { ParsedExpectation } from '../schema/parsed.js';
import { expectationKey } from '../text/expectation-key.js';
import { slug } from '../text/slug.js';
import { pairEvolutions } from './pair.js';
import { wordChanges } from './word-diff.js';

/** One side of a comparison: a linked ladder and the revision it was read at (null for the working tree). */
export interface LadderSide {
  graph: RoleGraph;
  revision: string | null;
  commit: string | null;
}

/**
 * What changes in a ladder from one revision to another. Each change is reported once, in the role whose
 * file it is written in, with every role it reaches through inheritance: an edit to Senior Engineer is one
 * change that reaches Staff, Principal and every manager above them, not six.
 */
export function compareLadders(older: LadderSide, newer: LadderSide): LadderChanges {
  const matches = matchRoles(older.graph, newer.graph);
  const newIdOf = new Map([...matches].map(([newId, old]) => [old.id, newId]));
  const roles: RoleChanges[] = [];
  for (const role of newer.graph.roles.values()) {
    const old = matches.get(role.id);
    const changes = old ? changedRole(old, role, older.graph, newer.graph, newIdOf) : wholeRole('added', role, newer.graph);
    if (changes) roles.push(changes);
  }
  for (const old of older.graph.roles.values()) if (!newIdOf.has(old.id)) roles.push(wholeRole('removed', old, older.graph));
  return { from: side(older), to: side(newer), summary: summarize(roles), roles };
}

export function hasChanges(changes: LadderChanges): boolean {
  return changes.roles.length > 0;
}

function side({ revision, commit }: LadderSide) {
  return { revision, commit };
}

/**
 * Pairs each role of the newer ladder with the one it was at the older revision: the same id, else the
 * same file (its id or title changed), else the same title (its file moved and took a new name). A title
 * shared by several roles pairs nothing, rather than guessing.
 */
function matchRoles(older: RoleGraph, newer: RoleGraph): Map<string, RoleNode> {
  const matches = new Map<string, RoleNode>();
  const unmatchedOld = new Set([...older.roles.values()].filter((r) => !newer.roles.has(r.id)));
  for (const role of newer.roles.values()) {
    const old = older.roles.get(role.id);
    if (old) matches.set(role.id, old);
  }
  const keys: ((role: RoleNode) => string)[] = [(role) => role.file, (role) => slug(role.title)];
  for (const key of keys) {
    const unmatchedNew = [...newer.roles.values()].filter((r) => !matches.has(r.id));
    const oldByKey = uniqueBy([...unmatchedOld], key);
    const newByKey = uniqueBy(unmatchedNew, key);
    for (const [k, role] of newByKey) {
      const old = oldByKey.get(k);
      if (!old) continue;
      matches.set(role.id, old);
      unmatchedOld.delete(old);
    }
  }
  return matches;
}

/** Roles by key, leaving out keys that more than one role has. */
function uniqueBy(roles: RoleNode[], key: (role: RoleNode) => string): Map<string, RoleNode> {
  const byKey = new Map<string, RoleNode | null>();
  for (const role of roles) byKey.set(key(role), byKey.has(key(role)) ? null : role);
  return new Map([...byKey].filter((entry): entry is [string, RoleNode] => entry[1] !== null));
}

/** Every role that holds what `role` writes: itself, then each role that inherits it, nearest first. */
function reachOf(graph: RoleGraph, role: RoleNode): string[] {
  return [role.id, ...descendants(graph, role)];
}

function wholeRole(status: 'added' | 'removed', role: RoleNode, graph: RoleGraph): RoleChanges {
  const reaches = reachOf(graph, role);
  const written = (e: ParsedExpectation): ChangedExpectation => ({ text: e.text, file: e.file ?? role.file, line: e.line, reaches });
  const sections = [...sectionsOf(role).values()].map(({ title, expectations }) => ({
    title,
    added: status === 'added' ? expectations.map(written) : [],
    removed: status === 'removed' ? expectations.map(written) : [],
    reworded: [],
  }));
  return { ...identity(role), status, sections };
}

function identity(role: RoleNode) {
  return { id: role.id, title: role.title, file: role.file };
}

/** What changed in a role found at both revisions, or null when nothing did. */
function changedRole(old: RoleNode, role: RoleNode, olderGraph: RoleGraph, newerGraph: RoleGraph, newIdOf: Map<string, string>): RoleChanges | null {
  const renamed = {
    ...differs('id', old.id, role.id),
    ...differs('title', old.title, role.title),
    ...differs('file', old.file, role.file),
  };
  // A parent that was only renamed is the same parent: compare parents by what they are called now.
  const oldParent = old.parentId === null ? null : (newIdOf.get(old.parentId) ?? `removed:${old.parentId}`);
  const changes: RoleChanges = {
    ...identity(role),
    status: Object.keys(renamed).length > 0 ? 'renamed' : 'changed',
    ...(Object.keys(renamed).length > 0 ? { renamed } : {}),
    ...(oldParent !== role.parentId
      ? { parent: { from: refOf(olderGraph, old.parentId), to: refOf(newerGraph, role.parentId), reaches: reachOf(newerGraph, role) } }
      : {}),
    ...(old.level !== role.level ? { level: { from: old.level, to: role.level } } : {}),
    ...(old.track !== role.track ? { track: { from: old.track, to: role.track } } : {}),
    sections: compareSections(old, role, reachOf(olderGraph, old), reachOf(newerGraph, role)),
  };
  const changed = changes.status === 'renamed' || changes.parent || changes.level || changes.track || changes.sections.length > 0;
  return changed ? changes : null;
}

function differs<K extends string>(key: K, from: string, to: string): { [P in K]?: { from: string; to: string } } {
  return (from === to ? {} : { [key]: { from, to } }) as { [P in K]?: { from: string; to: string } };
}

function refOf(graph: RoleGraph, id: string | null): RoleRef | null {
  const role = id === null ? undefined : graph.roles.get(id);
  return role ? { id: role.id, title: role.title } : null;
}

/** A role's own sections by slug of the title, the key `show` merges sections by; repeated sections merge. */
function sectionsOf(role: RoleNode): Map<string, { title: string; expectations: ParsedExpectation[] }> {
  const sections = new Map<string, { title: string; expectations: ParsedExpectation[] }>();
  for (const section of role.sections) {
    const id = slug(section.title);
    const merged = sections.get(id) ?? { title: section.title, expectations: [] };
    merged.expectations.push(...section.expectations);
    sections.set(id, merged);
  }
  return sections;
}

/**
 * The role's own expectations, section by section. The same expectation (the same `expectationKey`) at both
 * revisions is unchanged even when its line moved or `lint --fix` added its final period; of the rest, an
 * added expectation that restates or evolves a removed one (the judgement `ladder diff` and `lint` make)
 * is a rewording of the one it is most like, and what is left is added or removed.
 */
function compareSections(old: RoleNode, role: RoleNode, oldReach: string[], newReach: string[]): SectionChanges[] {
  const before = sectionsOf(old);
  const after = sectionsOf(role);
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const written = (file: string, reaches: string[]) => (e: ParsedExpectation): ChangedExpectation => ({ text: e.text, file: e.file ?? file, line: e.line, reaches });
  const sections: SectionChanges[] = [];
  for (const id of ids) {
    const { added, removed } = unmatched(before.get(id)?.expectations ?? [], after.get(id)?.expectations ?? []);
    const pairs = pairEvolutions(added, removed, ['restated', 'evolved']);
    const paired = new Set(pairs.flatMap((p) => [p.source, p.target]));
    const section: SectionChanges = {
      title: (after.get(id) ?? before.get(id))!.title,
      added: added.filter((e) => !paired.has(e)).map(written(role.file, newReach)),
      removed: removed.filter((e) => !paired.has(e)).map(written(old.file, oldReach)),
      reworded: pairs.map(({ source, target, similarity }) => ({
        from: { text: source.text, file: source.file ?? old.file, line: source.line },
        to: { text: target.text, file: target.file ?? role.file, line: target.line },
        similarity: Math.round(similarity * 100) / 100,
        changes: wordChanges(source.text, target.text),
        reaches: newReach,
      })),
    };
    if (section.added.length + section.removed.length + section.reworded.length > 0) sections.push(section);
  }
  return sections;
}

/** Expectations whose key is at one revision only; each older one matches at most one newer one. */
function unmatched(older: ParsedExpectation[], newer: ParsedExpectation[]) {
  const olderByText = new Map<string, ParsedExpectation[]>();
  for (const e of older) olderByText.set(expectationKey(e.text), [...(olderByText.get(expectationKey(e.text)) ?? []), e]);
  const kept = new Set<ParsedExpectation>();
  const added = newer.filter((e) => {
    const same = olderByText.get(expectationKey(e.text))?.shift();
    if (same) kept.add(same);
    return !same;
  });
  return { added, removed: older.filter((e) => !kept.has(e)) };
}

function summarize(roles: RoleChanges[]): LadderChanges['summary'] {
  const expectations = roles.flatMap((r) => r.sections);
  const count = (pick: (s: SectionChanges) => number) => expectations.reduce((n, s) => n + pick(s), 0);
  const reached = new Set<string>();
  for (const role of roles) {
    if (role.status === 'added' || role.status === 'removed') reached.add(role.id);
    for (const id of role.parent?.reaches ?? []) reached.add(id);
    for (const s of role.sections) for (const e of [...s.added, ...s.removed, ...s.reworded]) for (const id of e.reaches) reached.add(id);
  }
  return {
    rolesAdded: roles.filter((r) => r.status === 'added').length,
    rolesRemoved: roles.filter((r) => r.status === 'removed').length,
    rolesRenamed: roles.filter((r) => r.status === 'renamed').length,
    rolesChanged: roles.filter((r) => r.status === 'renamed' || r.status === 'changed').length,
    added: count((s) => s.added.length),
    removed: count((s) => s.removed.length),
    reworded: count((s) => s.reworded.length),
    reached: reached.size,
  };
}
