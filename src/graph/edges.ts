import type { LadderGraph } from '../schema/graph.js';
import type { RoleGraph } from './role-graph.js';

/**
 * The ladder as nodes and inheritance edges (child → parent), for `ladder graph`. Reads only links the
 * graph made, so an unknown parent is simply a missing edge and a cycle is a loop of edges: neither
 * throws. Nodes are ordered by track (the one that starts lowest first, as the chart of `list` shows
 * them), level, then id, so the output is stable.
 */
export function ladderGraph(graph: RoleGraph): LadderGraph {
  const roles = [...graph.roles.values()];
  const lowest = new Map<string, number>();
  for (const { track, level } of roles) lowest.set(track, Math.min(lowest.get(track) ?? Infinity, level));
  const trackOrder = [...lowest.keys()].sort((a, b) => lowest.get(a)! - lowest.get(b)!);
  const nodes = roles
    .map(({ id, title, level, track }) => ({ id, title, level, track }))
    .sort((a, b) => trackOrder.indexOf(a.track) - trackOrder.indexOf(b.track) || a.level - b.level || a.id.localeCompare(b.id));
  const edges = nodes.flatMap(({ id }) => {
    const parentId = graph.roles.get(id)!.parentId;
    return parentId === null ? [] : [{ from: id, to: parentId }];
  });
  return { nodes, edges };
}
