import type { RoleGraph, RoleNode } from '../graph/build-graph.js';
import type { RolePlace } from '../schema/parsed.js';
import type { ResolvedRole, RoleSummary } from '../schema/role.js';
import { chainIds, listItems, ownSections, sharedRole } from './shared-role.js';

export function summarize(role: RoleNode<RolePlace>): RoleSummary {
  return { id: role.id, title: role.title, track: role.track, level: role.level, inherits: role.parentId, file: role.file };
}

export interface ResolveOptions {
  /** Only the role's own expectations (`show --own`). */
  own?: boolean;
}

/**
 * Flattens a role: the root's expectations first, then each descendant's, down to the role's own,
 * grouped by section (matched by slug of the title) in the order sections are first seen. The result is
 * the caller's own copy of the lists; the expectation objects in them are shared and must not be changed.
 * Throws when the chain is broken (cycle, unknown parent).
 */
export function resolveRole(graph: RoleGraph, role: RoleNode, options: ResolveOptions = {}): ResolvedRole {
  const shared = sharedRole(graph, role);
  const sections = options.own ? ownSections(role) : shared.sections;
  return {
    ...shared,
    chain: chainIds(shared.chain),
    sections: sections.map(({ id, title, expectations, examples }) => ({ id, title, expectations: listItems(expectations), ...(examples ? { examples: [...examples] } : {}) })),
  };
}
