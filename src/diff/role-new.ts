import type { RoleGraph, RoleNode } from '../graph/build-graph.js';
import { resolveRole, summarize } from '../resolve/resolve-role.js';
import type { NewSection, RoleNew } from '../schema/role-new.js';
import { slug } from '../text/slug.js';
import { compareRoles } from './compare-roles.js';

/**
 * What a role adds to its parent: `ladder diff <parent> <role>` read from the role's side. Its own
 * expectations, each paired with the inherited one it sharpens (if any); an own expectation that repeats
 * or restates an inherited one (src/text/judgement.ts) is no difference and is only counted. For a role with no parent, every
 * expectation is new.
 */
export function newInRole(graph: RoleGraph, role: RoleNode): RoleNew {
  const resolved = resolveRole(graph, role);
  const own = resolved.sections.reduce((n, section) => n + section.expectations.filter((e) => e.source === role.id).length, 0);
  const parent = role.parentId === null ? undefined : graph.roles.get(role.parentId)!;
  const sections: NewSection[] = parent
    ? compareRoles(resolveRole(graph, parent), resolved).sections.map((section) => ({ id: slug(section.title), title: section.title, expectations: section.added }))
    : resolved.sections;
  const added = sections.filter((section) => section.expectations.length > 0);
  const count = added.reduce((n, section) => n + section.expectations.length, 0);
  return {
    ...summarize(role),
    parent: parent ? { id: parent.id, title: parent.title } : null,
    summary: {
      new: count,
      evolved: added.reduce((n, section) => n + section.expectations.filter((e) => e.evolvesFrom).length, 0),
      repeats: own - count,
    },
    sections: added,
  };
}
