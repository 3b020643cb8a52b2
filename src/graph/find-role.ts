import { LadderError } from '../errors.js';
import { slug } from '../load/slug.js';
import type { RoleGraph, RoleNode } from './build-graph.js';
import { closest } from './suggest.js';

/**
 * Finds the role a user means. Tiers, first hit wins: exact id, title or alias; then a unique prefix;
 * then a whole word of the name (`director`); then initials (`em`). All compared as slugs.
 * Unknown or ambiguous names throw a LadderError listing the closest candidates.
 */
export function findRole(graph: RoleGraph, query: string): RoleNode {
  const wanted = slug(query);
  // An id names one role even when another role shares its title (a duplicate the graph reports).
  const byId = graph.roles.get(wanted);
  if (byId) return byId;
  const exact = graph.names.get(wanted) ?? [];
  if (exact.length === 1) return graph.roles.get(exact[0]!)!;
  if (exact.length > 1) throw ambiguous(graph, query, exact);

  const names = [...graph.names.entries()];
  const tiers: ((name: string) => boolean)[] = [
    (name) => name.startsWith(wanted),
    (name) => name.split('-').some((word) => word.startsWith(wanted)),
    (name) => name.split('-').map((word) => word[0]).join('') === wanted,
  ];
  for (const matches of tiers) {
    const ids = [...new Set(names.filter(([name]) => matches(name)).flatMap(([, ids]) => ids))];
    if (ids.length === 1) return graph.roles.get(ids[0]!)!;
    if (ids.length > 1) throw ambiguous(graph, query, ids);
  }
  const hint = closest(wanted, graph.names.keys());
  const ids = [...new Set(hint.flatMap((name) => graph.names.get(name)!))];
  throw new LadderError(
    `unknown role "${query}"` + (ids.length ? `; did you mean ${ids.join(', ')}?` : '; run "ladder list" to see the roles'),
  );
}

function ambiguous(graph: RoleGraph, query: string, ids: string[]): LadderError {
  const list = ids.map((id) => `${id} (${graph.roles.get(id)!.title})`).join(', ');
  return new LadderError(`role "${query}" is ambiguous: it matches ${list}; give more of the name`);
}

