import { LadderError, quoted } from '../errors.js';
import type { RoleGraph } from '../graph/build-graph.js';
import { resolveRole } from '../resolve/resolve-role.js';
import type { ResolvedRole, RoleSummary } from '../schema/role.js';
import type { LevelRole, SectionHead } from '../schema/steps.js';
import { slug } from '../text/slug.js';

/** Every role whose chain is intact, resolved; the graph reports the others, so steps and matrix leave them out. */
export function intactRoles(graph: RoleGraph): ResolvedRole[] {
  return [...graph.roles.values()].filter((node) => !graph.broken.has(node.id)).map((node) => resolveRole(graph, node));
}

/** Track names, the one that starts lowest first (engineers before the managers who branch off them), ties in file order. */
export function tracksInOrder(roles: RoleSummary[]): string[] {
  const lowest = new Map<string, number>();
  for (const role of roles) lowest.set(role.track, Math.min(lowest.get(role.track) ?? Infinity, role.level));
  return [...lowest.keys()].sort((a, b) => lowest.get(a)! - lowest.get(b)!);
}

/**
 * The tracks asked for: the one named (by name or its slug, any case), or every track when none is. An
 * unknown name is a usage error that lists the tracks there are.
 */
export function pickTracks(roles: RoleSummary[], name: string | undefined): string[] {
  const tracks = tracksInOrder(roles);
  if (name === undefined) return tracks;
  const track = tracks.find((t) => t === name) ?? tracks.find((t) => slug(t) === slug(name));
  if (track === undefined) throw new LadderError(`no track ${quoted(name)} in this ladder; the tracks are ${tracks.map(quoted).join(', ') || 'none'}`);
  return [track];
}

/**
 * A track's roles, lowest level first. Where the track branches (two roles at one level), each is a row
 * of its own, in file order, and names its parent so the reader sees which branch it is on.
 */
export function levelsOf<R extends RoleSummary>(roles: R[], track: string): R[] {
  return roles.filter((role) => role.track === track).sort((a, b) => a.level - b.level);
}

/** A role as a level of its track, with the role it builds on (which may be in another track). */
export function levelRole(role: RoleSummary, byId: Map<string, RoleSummary>): LevelRole {
  const parent = role.inherits === null ? undefined : byId.get(role.inherits);
  return {
    id: role.id,
    title: role.title,
    track: role.track,
    level: role.level,
    file: role.file,
    parent: parent ? { id: parent.id, title: parent.title, track: parent.track } : null,
  };
}

/** The sections of several lists, each once (by id), in the order first seen. */
export function sectionHeads(lists: SectionHead[][]): SectionHead[] {
  const heads = new Map<string, SectionHead>();
  for (const sections of lists) for (const { id, title } of sections) if (!heads.has(id)) heads.set(id, { id, title });
  return [...heads.values()];
}
