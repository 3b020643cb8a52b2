import { posix } from 'node:path';
import type { ParsedRole, Problem, ProblemCode, RolePlace } from '../schema/parsed.js';
import { fileRoleId, folderRoleId } from '../text/role-id.js';
import { slug } from '../text/slug.js';
import { reportLinesNamingRoles } from './lines-naming-roles.js';
import { describeRoles, lookalikes, matchRole } from './find-role.js';
import { linkByLevelOrder, type LevelsSetting } from './level-order.js';
import type { ParentMatch, RoleGraph, RoleNode } from './role-graph.js';

export type { ParentMatch, RoleGraph, RoleNode } from './role-graph.js';

export interface GraphOptions {
  /** `ladder.yaml` aliases: a name used in parent lines → the id of the role it means. */
  aliases?: Record<string, string>;
  /** `ladder.yaml` tracks: a track name → the id of the role it starts at. */
  tracks?: Record<string, string>;
  /** `ladder.yaml` levels: a ladder of one file per level, ordered, with no parent lines. */
  levels?: LevelsSetting;
}

/** Links roles to their parents and derives levels. Never throws: defects become problems. */
export function buildGraph<R extends RolePlace = ParsedRole>(parsed: R[], options: GraphOptions = {}): RoleGraph<R> {
  const graph: RoleGraph<R> = { roles: new Map(), problems: [], broken: new Map(), names: new Map() };
  const byFile = new Map<string, string>();
  const titles = new Map<string, RoleNode<R>>();
  for (const role of withFolderIds(parsed)) {
    const first = graph.roles.get(role.id);
    if (first) {
      graph.problems.push(problem('duplicate-id', role, role.titleLine, `role id "${role.id}" is already used by ${first.file}; rename the file or set a different "id"`));
      continue;
    }
    const node: RoleNode<R> = { ...role, parentId: null, level: 0, children: [] };
    // Tracks may share a title ("Senior Engineer" in backend/ and frontend/); within one track it is a slip.
    const titleKey = `${role.track}\n${slug(role.title)}`;
    const sameTitle = titles.get(titleKey);
    if (sameTitle) {
      graph.problems.push(problem('duplicate-title', role, role.titleLine, `title "${role.title}" is already used by ${sameTitle.file}; give each role its own title`));
    } else {
      titles.set(titleKey, node);
    }
    graph.roles.set(role.id, node);
    byFile.set(role.file, role.id);
    // A folder id (`backend/senior`) is also found by its file name alone, which then lists every folder's.
    for (const name of new Set([slug(role.id), slug(fileRoleId(role.file)), slug(role.title), ...role.aliases.map(slug)])) {
      const ids = graph.names.get(name) ?? [];
      ids.push(role.id);
      graph.names.set(name, ids);
    }
  }
  const aliases = new Map(Object.entries(options.aliases ?? {}).map(([name, id]) => [slug(name), id]));
  const link = (node: RoleNode<RolePlace>) => linkParent(graph, node, byFile, aliases);
  const nodes = [...graph.roles.values()];
  nodes.filter((node) => !namesSeveral(node)).forEach(link);
  linkWhenAncestorsKnown(graph, nodes.filter(namesSeveral), aliases, link);
  if (options.levels) linkByLevelOrder(graph, options.levels);
  reportLinesNamingRoles(graph);
  findCycles(graph);
  if (options.tracks) assignTracks(graph, options.tracks);
  assignLevels(graph);
  markBroken(graph);
  return graph;
}

/**
 * Ids taken from a file name that another role also has (`backend/senior.md`, `frontend/senior.md`) become
 * folder ids (`backend/senior`), so both load. An id set in front matter is the maintainers' and never
 * changes, and a unique file name keeps its short id, so existing ladders keep theirs.
 */
export function withFolderIds<Role extends Pick<ParsedRole, 'id' | 'file' | 'frontMatter'>>(parsed: Role[]): Role[] {
  const count = new Map<string, number>();
  for (const role of parsed) count.set(role.id, (count.get(role.id) ?? 0) + 1);
  return parsed.map((role) => (role.frontMatter?.id === undefined && count.get(role.id)! > 1 ? { ...role, id: folderRoleId(role.file) } : role));
}

/** Whether a role's parent line names several roles (and no link settles it), so the highest must be picked. */
function namesSeveral(node: RoleNode<RolePlace>): boolean {
  return (node.parent?.names?.length ?? 0) > 1 && node.parent?.link === undefined;
}

/**
 * Links roles whose line names several parents once every role they name has its own ancestors linked,
 * since "the highest" is read from those. Roles that wait on each other (a cycle) are linked as they are;
 * the cycle is reported later.
 */
function linkWhenAncestorsKnown(graph: RoleGraph<RolePlace>, waiting: RoleNode<RolePlace>[], aliases: Map<string, string>, link: (node: RoleNode<RolePlace>) => void): void {
  const pending = new Set(waiting);
  const waits = (node: RoleNode<RolePlace>) =>
    node.parent!.names!.some((name) => {
      const found = parentByName(graph, node, name, aliases);
      return 'id' in found && [found.id, ...ancestorsOf(graph, found.id)].some((id) => pending.has(graph.roles.get(id)!));
    });
  while (pending.size > 0) {
    const ready = [...pending].filter((node) => !waits(node));
    for (const node of ready.length > 0 ? ready : [...pending]) {
      link(node);
      pending.delete(node);
    }
  }
}

/** The ids above a role as linked so far, nearest first; guarded against cycles. */
function ancestorsOf(graph: RoleGraph<RolePlace>, id: string): string[] {
  const seen = new Set([id]);
  for (let up = graph.roles.get(id)!.parentId; up !== null && !seen.has(up); up = graph.roles.get(up)!.parentId) seen.add(up);
  seen.delete(id);
  return [...seen];
}

/** A parent line's reading: the parent found, or the defect that stops it. */
type ParentFound = { id: string; match: ParentMatch; name: string } | { code: ProblemCode; message: string; candidates?: string[] };

function linkParent(graph: RoleGraph<RolePlace>, node: RoleNode<RolePlace>, byFile: Map<string, string>, aliases: Map<string, string>): void {
  const ref = node.parent;
  if (!ref) return;
  const found = ref.link !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(ref.link) ? parentByLink(node, ref.link, byFile) : parentByNames(graph, node, ref.names ?? [ref.name], aliases);
  if ('code' in found) return reportParent(graph, node, found);
  if (found.id === node.id) return reportParent(graph, node, { code: 'self-parent', message: `role "${node.title}" inherits from itself; name a different parent or remove the line` });
  node.parentId = found.id;
  node.parentMatch = found.match;
  node.parentName = found.name;
  graph.roles.get(found.id)!.children.push(node.id);
}

function reportParent(graph: RoleGraph<RolePlace>, node: RoleNode<RolePlace>, { code, message, candidates }: { code: ProblemCode; message: string; candidates?: string[] }): void {
  const ref = node.parent!;
  const found = { ...problem(code, node, ref.line, message, ref.column), ...(candidates ? { candidates } : {}) };
  graph.problems.push(found);
  graph.broken.set(node.id, found);
}

/** A link names its parent by file, relative to the linking file; `%20` in it is a space. */
function parentByLink(node: RoleNode<RolePlace>, link: string, byFile: Map<string, string>): ParentFound {
  const path = decodeLink(link.split('#')[0]!);
  if (path === undefined) return { code: 'unknown-parent', message: `parent link "${link}" has a malformed "%" escape; write the file name as it is, with "%20" for a space` };
  const target = posix.normalize(posix.join(posix.dirname(node.file), path));
  const id = byFile.get(target);
  if (!id) return { code: 'unknown-parent', message: `parent link "${link}" points to ${target}, which is not a role file of this ladder; fix the link` };
  return { id, match: 'link', name: link };
}

/** A link's path with its `%` escapes decoded, or undefined when one is malformed (`%zz`). */
function decodeLink(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Each name on the line found on its own; with several ("Same as L1, L2, but also..."), the parent is the
 * highest, the one whose ancestors include all the others. Names not on one chain, or one that names no
 * role, are reported rather than guessed. Ancestors are read through parents already linked (see
 * `linkWhenAncestorsKnown`).
 */
function parentByNames(graph: RoleGraph<RolePlace>, node: RoleNode<RolePlace>, names: string[], aliases: Map<string, string>): ParentFound {
  const each = names.map((name) => parentByName(graph, node, name, aliases));
  const failed = each.find((found) => 'code' in found);
  if (failed || each.length === 1) return failed ?? each[0]!;
  const found = each as Extract<ParentFound, { id: string }>[];
  const ids = [...new Set(found.map((f) => f.id))];
  const highest = found.find((f) => {
    const above = new Set(ancestorsOf(graph, f.id));
    return ids.every((id) => id === f.id || above.has(id));
  });
  if (highest) return highest;
  const listed = found.map((f) => `"${f.name}" (${f.id})`).join(', ');
  return { code: 'ambiguous-parent', message: `parent line names ${listed}, which are not on one line of inheritance; name only the role this one builds on`, candidates: ids };
}

/** One name of a parent line: a `ladder.yaml` alias, else the role it names exactly or by whole words. */
function parentByName(graph: RoleGraph<RolePlace>, node: RoleNode<RolePlace>, name: string, aliases: Map<string, string>): ParentFound {
  const alias = aliases.get(slug(name));
  if (alias !== undefined) {
    if (!graph.roles.has(alias)) return { code: 'unknown-parent', message: `parent "${name}" is mapped by ladder.yaml to "${alias}", which is no role id; fix the alias in ladder.yaml` };
    return { id: alias, match: 'alias', name };
  }
  const match = matchRole(graph, name, true);
  // "Same as Manager" in senior_manager.md cannot mean the role itself: drop it before calling the name ambiguous.
  const ids = match.ids.length > 1 ? likeliestFirst(graph, node, match.ids.filter((id) => id !== node.id)) : match.ids;
  if (ids.length > 1) {
    const settle = `${yamlKey(name)}: ${ids[0]}`;
    const message = `parent "${name}" matches several roles: ${describeRoles(graph, ids)}; name one by its id ("${ids[0]}"), link its file, or settle it in ladder.yaml under "aliases:" with "${settle}"`;
    return { code: 'ambiguous-parent', message, candidates: ids };
  }
  if (ids.length === 0) {
    const hint = lookalikes(graph, name).flatMap((id) => (id === node.id ? [] : [graph.roles.get(id)!.title]));
    return { code: 'unknown-parent', message: `unknown parent role "${name}"${hint.length ? `; did you mean "${hint.join('" or "')}"?` : '; check the title of the parent role'}` };
  }
  return { id: ids[0]!, match: match.exact ? 'exact' : 'loose', name };
}

/**
 * Orders the candidates for an ambiguous parent so the one to suggest comes first: a role that names a
 * parent itself (an overview page names none), then one in the same folder, then file order. A suggestion
 * only: the user still settles it.
 */
function likeliestFirst(graph: RoleGraph<RolePlace>, node: RoleNode<RolePlace>, ids: string[]): string[] {
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
function findCycles(graph: RoleGraph<RolePlace>): void {
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
        // A role linked by level order has no parent line: its title line is where it joins the cycle.
        const at = node.parent ?? { line: node.titleLine, column: 1 };
        const found = problem('cycle', node, at.line, `inheritance cycle: ${names}; one of these roles must inherit from something else`, at.column);
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
function assignTracks(graph: RoleGraph<RolePlace>, tracks: Record<string, string>): void {
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
function assignLevels(graph: RoleGraph<RolePlace>): void {
  for (const start of graph.roles.values()) {
    const path: RoleNode<RolePlace>[] = [];
    let node: RoleNode<RolePlace> | undefined = start;
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

/**
 * A role is broken when it or any ancestor has a broken parent link. A walk stops at a role already known
 * to be whole, so a deep chain is walked once, not once per role.
 */
function markBroken(graph: RoleGraph<RolePlace>): void {
  const whole = new Set<string>();
  for (const node of graph.roles.values()) {
    const seen = new Set<string>();
    const path: string[] = [];
    let id: string | null = node.id;
    let cause: Problem | undefined;
    while (id !== null && !seen.has(id) && !whole.has(id)) {
      cause = graph.broken.get(id);
      if (cause) break;
      seen.add(id);
      path.push(id);
      id = graph.roles.get(id)!.parentId;
    }
    for (const member of path) {
      if (cause) graph.broken.set(member, cause);
      else whole.add(member);
    }
  }
}

function problem(code: ProblemCode, role: RolePlace, line: number, message: string, column = 1): Problem {
  return { code, message, file: role.file, line, column };
}


/** Role id → title, for renderers that name where an expectation comes from. */
export function roleTitles(graph: RoleGraph<RolePlace>): Map<string, string> {
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
