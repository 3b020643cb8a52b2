import { posix } from 'node:path';
import { slug } from '../load/slug.js';
import type { ParsedRole, Problem } from '../schema/parsed.js';
import { closest } from './suggest.js';

/** A role placed in the ladder: its parent found, its level known. */
export interface RoleNode extends ParsedRole {
  parentId: string | null;
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

/** Links roles to their parents and derives levels. Never throws: defects become problems. */
export function buildGraph(parsed: ParsedRole[]): RoleGraph {
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
    for (const name of new Set([role.id, slug(role.title), ...role.aliases.map(slug)])) {
      const ids = graph.names.get(name) ?? [];
      ids.push(role.id);
      graph.names.set(name, ids);
    }
  }
  for (const node of graph.roles.values()) linkParent(graph, node, byFile);
  findCycles(graph);
  assignLevels(graph);
  markBroken(graph);
  return graph;
}

function linkParent(graph: RoleGraph, node: RoleNode, byFile: Map<string, string>): void {
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
  } else {
    const ids = graph.names.get(slug(ref.name)) ?? [];
    if (ids.length > 1) {
      return report('ambiguous-parent', `parent "${ref.name}" matches several roles (${ids.join(', ')}); name the parent by its id`);
    }
    parentId = ids[0];
    if (!parentId) {
      const hint = closest(slug(ref.name), [...graph.roles.values()].map((r) => slug(r.title)).concat([...graph.roles.keys()]));
      const titles = hint.map((h) => graph.roles.get(graph.names.get(h)![0]!)!.title);
      return report('unknown-parent', `unknown parent role "${ref.name}"${titles.length ? `; did you mean "${[...new Set(titles)].join('" or "')}"?` : '; check the title of the parent role'}`);
    }
  }
  if (parentId === node.id) return report('self-parent', `role "${node.title}" inherits from itself; name a different parent or remove the line`);
  node.parentId = parentId;
  graph.roles.get(parentId)!.children.push(node.id);
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

/** Roles that inherit from `role`, nearest first; guarded against cycles. */
export function descendants(graph: RoleGraph, role: RoleNode): string[] {
  const found: string[] = [];
  const seen = new Set([role.id]);
  const queue = [...role.children];
  // An index instead of shift(): shifting is linear, which would make a wide ladder quadratic.
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push(id);
    queue.push(...graph.roles.get(id)!.children);
  }
  return found;
}
