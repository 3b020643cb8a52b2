import { at, LadderError } from '../errors.js';
import type { RoleGraph, RoleNode } from '../graph/build-graph.js';
import type { ResolvedExpectation, ResolvedRole, ResolvedSection, RoleSummary } from '../schema/role.js';
import { slug } from '../text/slug.js';
import { expectationIds } from './expectation-id.js';

/** Self first, then each parent up to the root. Throws when the chain is broken (cycle, unknown parent). */
export function chainOf(graph: RoleGraph, role: RoleNode): RoleNode[] {
  const broken = graph.broken.get(role.id);
  if (broken) throw new LadderError(at(broken.file, broken.line, `${broken.message} (needed to resolve "${role.id}")`));
  const chain: RoleNode[] = [];
  for (let node: RoleNode | undefined = role; node; node = node.parentId === null ? undefined : graph.roles.get(node.parentId)) {
    chain.push(node);
  }
  return chain;
}

export function summarize(role: RoleNode): RoleSummary {
  return { id: role.id, title: role.title, track: role.track, level: role.level, inherits: role.parentId, file: role.file };
}

export interface ResolveOptions {
  /** Only the role's own expectations (`show --own`). */
  own?: boolean;
}

/**
 * Brings together the expectations of each `####` subsection, in the order subsections are first seen
 * (root first), so "Results" reads as one list even when every role of the chain adds to it. The sort is
 * stable: within a subsection, the root's expectations still come first, and nested bullets stay under theirs.
 */
function groupSubsections(section: ResolvedSection): void {
  const order = new Map<string | undefined, number>();
  for (const expectation of section.expectations) if (!order.has(expectation.subsection)) order.set(expectation.subsection, order.size);
  if (order.size > 1) section.expectations.sort((a, b) => order.get(a.subsection)! - order.get(b.subsection)!);
}

/** What one role file adds to a section: its expectations, resolved, in the order written. */
interface Contribution {
  id: string;
  title: string;
  expectations: ResolvedExpectation[];
  examples?: { text: string; source: string }[];
}

const contributionsOf = new WeakMap<RoleNode, Contribution[]>();

/**
 * A role's own expectations, resolved once per role however many roles inherit them: every descendant
 * shares these objects instead of building its own copies, so a chain thousands of roles deep costs one
 * reference per inherited expectation, not one object. Callers must not change the objects they get.
 */
function contributions(source: RoleNode): Contribution[] {
  let found = contributionsOf.get(source);
  if (found) return found;
  const ids = expectationIds(source);
  found = source.sections.map((section) => ({
    id: slug(section.title),
    title: section.title,
    expectations: section.expectations.map((expectation) => ({
      id: ids.get(expectation)!,
      text: expectation.text,
      source: source.id,
      line: expectation.line,
      ...(expectation.subsection !== undefined ? { subsection: expectation.subsection } : {}),
      ...(expectation.parent !== undefined ? { parent: ids.get(section.expectations[expectation.parent]!) } : {}),
      ...(expectation.examples?.length ? { examples: expectation.examples } : {}),
    })),
    ...(section.examples?.length ? { examples: section.examples.map((text) => ({ text, source: source.id })) } : {}),
  }));
  contributionsOf.set(source, found);
  return found;
}

/**
 * Flattens a role: the root's expectations first, then each descendant's, down to the role's own,
 * grouped by section (matched by slug of the title) in the order sections are first seen.
 */
export function resolveRole(graph: RoleGraph, role: RoleNode, options: ResolveOptions = {}): ResolvedRole {
  const chain = chainOf(graph, role);
  const contributors = options.own ? [role] : [...chain].reverse();
  const sections = new Map<string, ResolvedSection>();
  for (const source of contributors) {
    for (const contribution of contributions(source)) {
      let target = sections.get(contribution.id);
      if (!target) {
        target = { id: contribution.id, title: contribution.title, expectations: [] };
        sections.set(contribution.id, target);
      }
      // One at a time: spreading a long list into push() overflows the stack.
      for (const expectation of contribution.expectations) target.expectations.push(expectation);
      if (contribution.examples) target.examples = [...(target.examples ?? []), ...contribution.examples];
    }
  }
  for (const section of sections.values()) groupSubsections(section);
  return {
    ...summarize(role),
    aliases: role.aliases,
    chain: chain.map((node) => node.id),
    description: role.description,
    sections: [...sections.values()],
  };
}
