import { at, LadderError } from '../errors.js';
import type { RoleGraph, RoleNode } from '../graph/role-graph.js';
import type { ResolvedExpectation, ResolvedRole, ResolvedSection } from '../schema/role.js';
import { slug } from '../text/slug.js';
import { expectationIds } from './expectation-id.js';

/**
 * A list that is another list followed by some items of its own. A role's list of a section is its
 * parent's list and what the role adds, so a chain thousands of roles deep holds each expectation once,
 * and resolving a role costs what it adds, not everything it inherits.
 */
export interface SharedList<T> {
  readonly base: SharedList<T> | undefined;
  readonly items: readonly T[];
  readonly length: number;
}

/** A role's chain, self first: its own id, then its parent's chain, shared with every sibling. */
export interface SharedChain {
  readonly id: string;
  readonly parent: SharedChain | undefined;
  readonly length: number;
}

export interface SharedSection {
  readonly id: string;
  /** As first written in the chain, root first. */
  readonly title: string;
  readonly expectations: SharedList<ResolvedExpectation>;
  /** Examples of the section as a whole, root role first (a level's examples for a topic, in ladders kept as data). */
  readonly examples?: readonly SectionExample[];
  /** Its `####` subsections in the order first seen (`undefined` for items under none), to keep them grouped. */
  readonly subsections: readonly (string | undefined)[];
}

/** A role resolved with its inherited lists shared: everything `show --json` prints, before it is copied out. */
export interface SharedRole extends Omit<ResolvedRole, 'chain' | 'sections'> {
  readonly chain: SharedChain;
  readonly sections: readonly SharedSection[];
}

/** Every item of a shared list, base first, as one new array. */
export function listItems<T>(list: SharedList<T>): T[] {
  const segments: (readonly T[])[] = [];
  for (let part: SharedList<T> | undefined = list; part; part = part.base) segments.push(part.items);
  const items: T[] = [];
  // One at a time: spreading a long list into push() overflows the stack.
  for (let i = segments.length - 1; i >= 0; i--) for (const item of segments[i]!) items.push(item);
  return items;
}

export function chainIds(chain: SharedChain): string[] {
  const ids: string[] = [];
  for (let link: SharedChain | undefined = chain; link; link = link.parent) ids.push(link.id);
  return ids;
}

type SectionExample = NonNullable<ResolvedSection['examples']>[number];

/** What one role file adds to a section: its expectations, resolved, in the order written, and its examples. */
interface Contribution {
  id: string;
  title: string;
  expectations: ResolvedExpectation[];
  examples?: SectionExample[];
}

const contributionsOf = new WeakMap<RoleNode, Contribution[]>();

/**
 * A role's own expectations, resolved once per role however many roles inherit them: every descendant
 * shares these objects instead of building its own copies. Callers must not change the objects they get.
 */
export function contributions(source: RoleNode): Contribution[] {
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
      ...(expectation.file !== undefined ? { file: expectation.file } : {}),
      ...(expectation.subsection !== undefined ? { subsection: expectation.subsection } : {}),
      ...(expectation.parent !== undefined ? { parent: ids.get(section.expectations[expectation.parent]!) } : {}),
      ...(expectation.examples?.length ? { examples: expectation.examples } : {}),
    })),
    ...(section.examples?.length ? { examples: section.examples.map((text) => ({ text, source: source.id })) } : {}),
  }));
  contributionsOf.set(source, found);
  return found;
}

const sharedOf = new WeakMap<RoleNode, SharedRole>();

/**
 * The role resolved from its parent's resolution and its own expectations: the root's expectations first,
 * then each descendant's, grouped by section (matched by slug of the title) in the order sections are first
 * seen. Made once per role and kept, so every role of a chain costs only what it adds. Throws when the chain
 * is broken (cycle, unknown parent).
 */
export function sharedRole(graph: RoleGraph, role: RoleNode): SharedRole {
  const broken = graph.broken.get(role.id);
  if (broken) throw new LadderError(at(broken.file, broken.line, `${broken.message} (needed to resolve "${role.id}")`));
  // Walk up to the nearest role already resolved, then resolve down: no recursion, however deep the chain.
  const pending: RoleNode[] = [];
  let node: RoleNode | undefined = role;
  while (node && !sharedOf.has(node)) {
    pending.push(node);
    node = node.parentId === null ? undefined : graph.roles.get(node.parentId);
  }
  let parent = node && sharedOf.get(node);
  for (let i = pending.length - 1; i >= 0; i--) {
    parent = extend(parent, pending[i]!);
    sharedOf.set(pending[i]!, parent);
  }
  return parent!;
}

/**
 * Lets go of what `sharedRole` keeps of a role, for a caller done with it and with every role below it: a
 * stream through a whole ladder need not hold every resolved role to its end. Asked again, it is resolved again.
 */
export function forgetShared(role: RoleNode): void {
  sharedOf.delete(role);
  contributionsOf.delete(role);
}

/** Only the role's own sections and expectations (`show --own`). */
export function ownSections(role: RoleNode): readonly SharedSection[] {
  return extend(undefined, role).sections;
}

function extend(parent: SharedRole | undefined, role: RoleNode): SharedRole {
  const sections = [...(parent?.sections ?? [])];
  const index = new Map(sections.map((section, i) => [section.id, i]));
  for (const contribution of contributions(role)) {
    const at = index.get(contribution.id);
    if (at === undefined) {
      index.set(contribution.id, sections.length);
      sections.push(added(undefined, contribution));
    } else {
      sections[at] = added(sections[at], contribution);
    }
  }
  return {
    id: role.id,
    title: role.title,
    track: role.track,
    level: role.level,
    inherits: role.parentId,
    file: role.file,
    aliases: role.aliases,
    chain: { id: role.id, parent: parent?.chain, length: (parent?.chain.length ?? 0) + 1 },
    description: role.description,
    sections,
  };
}

/**
 * A section with a role's contribution added. Expectations of one `####` subsection read as one list, in the
 * order subsections are first seen: the contribution is appended when that keeps them so (it adds to the last
 * subsection or new ones), and otherwise the section is regrouped into a list of its own (a stable sort, so
 * within a subsection the root's expectations still come first and nested bullets stay under theirs).
 */
function added(section: SharedSection | undefined, contribution: Contribution): SharedSection {
  const subsections = [...(section?.subsections ?? [])];
  const earlier = new Set(subsections.slice(0, -1));
  let appendable = true;
  for (const { subsection } of contribution.expectations) {
    if (earlier.has(subsection)) appendable = false;
    if (!subsections.includes(subsection)) subsections.push(subsection);
  }
  const base = section?.expectations;
  const examples = contribution.examples ? [...(section?.examples ?? []), ...contribution.examples] : section?.examples;
  const kept = { id: contribution.id, title: section?.title ?? contribution.title, subsections, ...(examples ? { examples } : {}) };
  if (appendable) {
    const length = (base?.length ?? 0) + contribution.expectations.length;
    return { ...kept, expectations: { base, items: contribution.expectations, length } };
  }
  const items = [...(base ? listItems(base) : []), ...contribution.expectations];
  const order = new Map(subsections.map((subsection, i) => [subsection, i]));
  items.sort((a, b) => order.get(a.subsection)! - order.get(b.subsection)!);
  return { ...kept, expectations: { base: undefined, items, length: items.length } };
}
