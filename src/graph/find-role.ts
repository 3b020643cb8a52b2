import { LadderError, quoted } from '../errors.js';
import { typoDistance } from '../text/edit-distance.js';
import { slug } from '../text/slug.js';
import type { RolePlace } from '../schema/parsed.js';
import type { RoleGraph, RoleNode } from './role-graph.js';

/** How a name met its roles: exactly (id, title or alias) or loosely (whole words, or on the command line a prefix, the start of a word, initials). */
export interface RoleMatch {
  ids: string[];
  exact: boolean;
}

/**
 * The one loose way a parent line may name a role: its words are a run of whole words of the role's name
 * ("Principal" is in "Principal Engineer"; "Senior Engineer" is not in "Senior Engineering Manager").
 */
export function wholeWordsOf(candidate: string, wanted: string): boolean {
  return `-${candidate}-`.includes(`-${wanted}-`);
}

/** Loose ways a typed name may meet a role's slug, from the closest: a prefix, the start of a word, initials. */
const TYPED_TIERS: ((candidate: string, wanted: string) => boolean)[] = [
  (candidate, wanted) => candidate.startsWith(wanted),
  (candidate, wanted) => candidate.split('-').some((word) => word.startsWith(wanted)),
  (candidate, wanted) => candidate.split('-').map((word) => word[0]).join('') === wanted,
];

/**
 * The roles a name means: the id as written; else an id, title or alias compared as slugs (so
 * `engineering-manager` finds `engineering_manager`); else loose matches. On the command line the closest
 * loose tier wins (`sen` is a prefix before it is a word). A parent line (`strict`) is written into a file
 * and may be rewritten by `--fix`, so there only whole words count, every match counts ("Same as Manager"
 * must not be silently tied to "Manager path"), and a part of a word never does.
 * More than one id is an ambiguity the caller must report, never a guess.
 */
export function matchRole(graph: RoleGraph<RolePlace>, name: string, strict = false): RoleMatch {
  if (graph.roles.has(name)) return { ids: [name], exact: true };
  const wanted = slug(name);
  const exact = graph.names.get(wanted) ?? [];
  // An id names one role even when another role shares its title (a duplicate the graph reports).
  const byId = exact.find((id) => slug(id) === wanted);
  if (byId) return { ids: [byId], exact: true };
  if (exact.length > 0) return { ids: exact, exact: true };
  const found = new Set<string>();
  if (wanted === '') return { ids: [], exact: false };
  for (const matches of strict ? [wholeWordsOf] : TYPED_TIERS) {
    for (const [candidate, ids] of graph.names) if (matches(candidate, wanted)) for (const id of ids) found.add(id);
    if (found.size > 0 && !strict) break;
  }
  return { ids: [...found], exact: false };
}

/**
 * Roles whose id, title or alias looks like a typo of `name` (see `typoDistance`), closest first, at most
 * `limit`: for a "did you mean" hint, so a role that merely shares a letter or two is never offered. Only
 * when none does, roles whose name holds `name` in whole words or is held by it ("Senior Engineer" and
 * Engineer).
 */
export function lookalikes(graph: RoleGraph<RolePlace>, name: string, limit = 3): string[] {
  const wanted = slug(name);
  const holds = (candidate: string) => wholeWordsOf(candidate, wanted) || wholeWordsOf(wanted, candidate) || candidate.startsWith(wanted);
  const typos = nearest(graph, (candidate) => typoDistance(wanted, candidate));
  const found = typos.length ? typos : nearest(graph, (candidate) => (holds(candidate) ? Math.abs(candidate.length - wanted.length) : undefined));
  return found.slice(0, limit);
}

/** Role ids by the distance of their nearest name, closest first; names without a distance are left out. */
function nearest(graph: RoleGraph<RolePlace>, distanceOf: (candidate: string) => number | undefined): string[] {
  const distance = new Map<string, number>();
  for (const [candidate, ids] of graph.names) {
    const found = distanceOf(candidate);
    if (found === undefined) continue;
    for (const id of ids) distance.set(id, Math.min(found, distance.get(id) ?? Infinity));
  }
  return [...distance].sort(([a, da], [b, db]) => da - db || a.localeCompare(b)).map(([id]) => id);
}

/** Lists roles as `id (Title)`, for messages that name every candidate. */
export function describeRoles(graph: RoleGraph<RolePlace>, ids: string[]): string {
  return ids.map((id) => `${id} (${graph.roles.get(id)!.title})`).join(', ');
}

/** "Senior Engineer (senior-engineer) or Staff Engineer (staff-engineer)": titles first, as people know roles by them. */
function offerRoles(graph: RoleGraph<RolePlace>, ids: string[]): string {
  return ids.map((id) => `${graph.roles.get(id)!.title} (${id})`).join(' or ');
}

/**
 * Finds the role a user means (see `matchRole`). A name with no letters or digits is a usage error (it
 * would be a prefix of every role); unknown or ambiguous names throw a LadderError listing the candidates.
 */
export function findRole(graph: RoleGraph, query: string): RoleNode {
  if (slug(query) === '') throw new LadderError(`role name ${quoted(query)} is empty or has no letters or digits; give a role's id or title (run "ladder list" to see them)`);
  const { ids } = matchRole(graph, query);
  if (ids.length === 1) return graph.roles.get(ids[0]!)!;
  if (ids.length > 1) throw new LadderError(`role ${quoted(query)} is ambiguous: it matches ${describeRoles(graph, ids)}; give more of the name`);
  const hint = lookalikes(graph, query);
  throw new LadderError(
    `unknown role ${quoted(query)}` + (hint.length ? `; did you mean ${offerRoles(graph, hint)}?` : '; run "ladder list" to see the roles'),
  );
}
