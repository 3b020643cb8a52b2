import { posix } from 'node:path';
import { slug } from '../load/slug.js';
import type { ParsedRole, Problem } from '../schema/parsed.js';
import { describeRoles, lookalikes, matchRole } from './find-role.js';

/** How a role's parent line met its parent: a link, a `ladder.yaml` alias, the exact name, or loosely. */
export type ParentMatch = 'link' | 'alias' | 'exact' | 'loose';

/** A role placed in the ladder: its parent found, its level known. */
export interface RoleNode extends ParsedRole {
  parentId: string | null;
  parentMatch?: ParentMatch;
  level: number;
  children: string[];
}

export interface RoleGraph {
  /** Roles by id, in file order. */
  roles: Map<string, RoleNode>;
  /** Every structural defect: unknown parents, cycles, duplicates. */
  problems: Problem[];
  /** Roles whose inheritance chain is broken, with the defect that breaks it. */
  broken: Map<string, Problem>;
  /** slug of id, title or alias → role ids with that name. */
  names: Map<string, string[]>;
}

export interface GraphOptions {
  /** `ladder.yaml` aliases: a name used in parent lines → the id of the role it means. */
  aliases?: Record<string, string>;
  /** `ladder.yaml` tracks: a track name → the id of the role it starts at. */
  tracks?: Record<string, string>;
}

/** Links roles to their parents and derives levels. Never throws: defects become problems. */
export function buildGraph(parsed: ParsedRole[], options: GraphOptions = {}): RoleGraph {
  const graph: RoleGraph = { roles: new Map(), problems: [], broken: new Map(), names: new Map() };
  const byFile = new Map<string, string>();
  const titles = new Map<string, RoleNode>();
  for (const role of parsed) {
    const first = graph.roles.get(role.id);
    if (first) {
      graph.problems.push(problem('duplicate-id', role, role.titleLine, `role id "${role.id}" is already used by ${first.file}; rename the file or set a different "id"`));
      continue;
    }
    const node: RoleNode = { ...role, parentId: null, level: 0, children: [] };
    const sameTitle = titles.get(slug(role.title));
    if (sameTitle) {
      graph.problems.push(problem('duplicate-title', role, role.titleLine, `title "${role.title}" is already used by ${sameTitle.file}; give each role its own title`));
    } else {
      titles.set(slug(role.title), node);
    }
    graph.roles.set(role.id, node);
    byFile.set(role.file, role.id);
    for (const name of new Set([slug(role.id), slug(role.title), ...role.aliases.map(slug)])) {
      const ids = graph.names.get(name) ?? [];
      ids.push(role.id);
      graph.names.set(name, ids);
    }
  }
  const aliases = new Map(Object.entries(options.aliases ?? {}).map(([name, id]) => [slug(name), id]));
  for (const node of graph.roles.values()) linkParent(graph, node, byFile, aliases);
  findCycles(graph);
  if (options.tracks) assignTracks(graph, options.tracks);
  assignLevels(graph);
  markBroken(graph);
  return graph;
}

function linkParent(graph: RoleGraph, node: RoleNode, byFile: Map<string, string>, aliases: Map<string, string>): void {
  const ref = node.parent;
  if (!ref) return;
  const report = (code: string, message: string) => {
    const found = problem(code, node, ref.line, message, ref.column);
    graph.problems.push(found);
    graph.broken.set(node.id, found);
  };
  let parentId: string | undefined;
  if (ref.link !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(ref.link)) {
    const target = posix.normalize(posix.join(posix.dirname(node.file), decodeURIComponent(ref.link.split('#')[0]!)));
    parentId = byFile.get(target);
    if (!parentId) return report('unknown-parent', `parent link "${ref.link}" points to ${target}, which is not a role file of this ladder; fix the link`);
    node.parentMatch = 'link';
  } else if (aliases.has(slug(ref.name))) {
    parentId = aliases.get(slug(ref.name))!;
    if (!graph.roles.has(parentId)) return report('unknown-parent', `parent "${ref.name}" is mapped by ladder.yaml to "${parentId}", which is no role id; fix the alias in ladder.yaml`);
    node.parentMatch = 'alias';
  } else {
    const match = matchRole(graph, ref.name, true);
    // "Same as Manager" in senior_manager.md cannot mean the role itself: drop it before calling the name ambiguous.
    const ids = match.ids.length > 1 ? likeliestFirst(graph, node, match.ids.filter((id) => id !== node.id)) : match.ids;
    if (ids.length > 1) {
      const settle = `${yamlKey(ref.name)}: ${ids[0]}`;
      const message = `parent "${ref.name}" matches several roles: ${describeRoles(graph, ids)}; name one by its id, or settle it in ladder.yaml under "aliases:" with "${settle}"`;
      report('ambiguous-parent', message);
      graph.problems.at(-1)!.candidates = ids;
      return;
    }
    parentId = ids[0];
    if (!parentId) {
      const hint = lookalikes(graph, ref.name).map((id) => graph.roles.get(id)!.title);
      return report('unknown-parent', `unknown parent role "${ref.name}"${hint.length ? `; did you mean "${hint.join('" or "')}"?` : '; check the title of the parent role'}`);
    }
    node.parentMatch = match.exact ? 'exact' : 'loose';
  }
  if (parentId === node.id) return report('self-parent', `role "${node.title}" inherits from itself; name a different parent or remove the line`);
  node.parentId = parentId;
  graph.roles.get(parentId)!.children.push(node.id);
}

/**
 * Orders the candidates for an ambiguous parent so the one to suggest comes first: a role that names a
 * parent itself (an overview page names none), then one in the same folder, then file order. A suggestion
 * only: the user still settles it.
 */
function likeliestFirst(graph: RoleGraph, node: RoleNode, ids: string[]): string[] {
  const folder = (file: string) => posix.dirname(file);
  const score = (id: string) => {
    const candidate = graph.roles.get(id)!;
    return (candidate.parent ? 0 : 2) + (folder(candidate.file) === folder(node.file) ? 0 : 1);
  };
  return ids.map((id, order) => ({ id, order, score: score(id) })).sort((a, b) => a.score - b.score || a.order - b.order).map((c) => c.id);
}

/** A name as a YAML mapping key: quoted when plain YAML would read it otherwise. */
function yamlKey(name: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(name) ? name : JSON.stringify(name);
}

/** Marks every role that sits on a cycle. Each role is visited once overall, so this is linear. */
function findCycles(graph: RoleGraph): void {
  const state = new Map<string, 'active' | 'done'>();
  for (const start of graph.roles.keys()) {
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && !state.has(id)) {
      state.set(id, 'active');
      path.push(id);
      id = graph.roles.get(id)!.parentId;
    }
    if (id !== null && state.get(id) === 'active') {
      const cycle = path.slice(path.indexOf(id));
      const names = [...cycle, id].map((r) => graph.roles.get(r)!.title).join(' → ');
      for (const member of cycle) {
        const node = graph.roles.get(member)!;
        const found = problem('cycle', node, node.parent!.line, `inheritance cycle: ${names}; one of these roles must inherit from something else`, node.parent!.column);
        graph.problems.push(found);
        graph.broken.set(member, found);
      }
    }
    for (const visited of path) state.set(visited, 'done');
  }
}

/**
 * For ladders kept in one folder, where the folder cannot tell the tracks apart: each role joins the track
 * of its nearest ancestor (or itself) that starts one. Front matter `track` still wins.
 */
function assignTracks(graph: RoleGraph, tracks: Record<string, string>): void {
  const startOf = new Map<string, string>();
  for (const [track, id] of Object.entries(tracks)) {
    if (graph.roles.has(id)) startOf.set(id, track);
    else graph.problems.push({ code: 'unknown-track-start', message: `track "${track}" starts at "${id}", which is no role id; fix "tracks" in ladder.yaml`, file: 'ladder.yaml', line: 1, column: 1 });
  }
  for (const role of graph.roles.values()) {
    if (role.frontMatter?.track) continue;
    const seen = new Set<string>();
    for (let id: string | null = role.id; id !== null && !seen.has(id); id = graph.roles.get(id)!.parentId) {
      seen.add(id);
      const track = startOf.get(id);
      if (track) {
        role.track = track;
        break;
      }
    }
  }
}

/** Level = parent's level + 1 (roots are 1) unless front matter sets it; cycle members count from 1. */
function assignLevels(graph: RoleGraph): void {
  for (const start of graph.roles.values()) {
    const path: RoleNode[] = [];
    let node: RoleNode | undefined = start;
    while (node && node.level === 0 && !path.includes(node)) {
      path.push(node);
      node = node.parentId !== null && !graph.broken.has(node.id) ? graph.roles.get(node.parentId) : undefined;
    }
    let level = node && node.level > 0 ? node.level : 0;
    for (const member of path.reverse()) {
      level = member.level > 0 ? member.level : (member.declaredLevel ?? level + 1);
      member.level = level;
    }
  }
}

/** A role is broken when it or any ancestor has a broken parent link. */
function markBroken(graph: RoleGraph): void {
  for (const node of graph.roles.values()) {
    const seen = new Set<string>();
    const path: string[] = [];
    let id: string | null = node.id;
    let cause: Problem | undefined;
    while (id !== null && !seen.has(id)) {
      cause = graph.broken.get(id);
      if (cause) break;
      seen.add(id);
      path.push(id);
      id = graph.roles.get(id)!.parentId;
    }
    if (cause) for (const member of path) graph.broken.set(member, cause);
  }
}

function problem(code: string, role: ParsedRole, line: number, message: string, column = 1): Problem {
  return { code, message, file: role.file, line, column };
}


/** Role id → title, for renderers that name where an expectation comes from. */
export function roleTitles(graph: RoleGraph): Map<string, string> {
  return new Map([...graph.roles.values()].map((role) => [role.id, role.title]));
}

/**
 * Roles that inherit from `role`, nearest first; guarded against cycles. With `within`, the walk does not
 * go past a role that fails it (the roles of one track, say).
 */
export function descendants(graph: RoleGraph, role: RoleNode, within: (node: RoleNode) => boolean = () => true): string[] {
  const found: string[] = [];
  const seen = new Set([role.id]);
  const queue = [...role.children];
  // An index instead of shift(): shifting is linear, which would make a wide ladder quadratic.
  for (let next = 0; next < queue.length; next++) {
    const node = graph.roles.get(queue[next]!)!;
    if (seen.has(node.id) || !within(node)) continue;
    seen.add(node.id);
    found.push(node.id);
    queue.push(...node.children);
  }
  return found;
}
