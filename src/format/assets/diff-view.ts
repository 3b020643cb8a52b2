import type { DiffExpectation, DiffSection, RoleDiff, WordChange } from '../../schema/diff.js';
import type { ResolvedExpectation } from '../../schema/role.js';
import { roleFileName } from '../../text/role-id.js';
import { el, type ViewNode } from './view-node.js';

/**
 * What a role diff shows on the site: the summary counts, then each section's added, evolved and removed
 * expectations under a heading of the given level (the page decides where the diff sits in its outline).
 */
export function diffView(diff: RoleDiff, source: SourceName, heading: 'h3' | 'h4'): ViewNode {
  const { added, removed, kept, evolved } = diff.summary;
  const changed = diff.sections.filter((section) => section.added.length + section.removed.length > 0);
  return el(
    'div',
    { class: 'role-diff', 'data-from': diff.from.id, 'data-to': diff.to.id },
    el('p', { class: 'diff-summary' }, `${added} added (${evolved} evolved from an earlier one), ${removed} no longer expected, ${kept} kept.`),
    ...(changed.length === 0 ? [el('p', {}, 'The two roles expect the same.')] : changed.map((section) => sectionView(section, source, heading))),
  );
}

function sectionView(section: DiffSection, source: SourceName, heading: 'h3' | 'h4'): ViewNode {
  return el(
    'section',
    {},
    el(heading, {}, section.title),
    el('ul', { class: 'diff-list' }, ...section.added.map((e) => addedView(e, source)), ...section.removed.map((e) => removedView(e, source))),
    el('p', { class: 'diff-kept' }, `${section.kept} kept.`),
  );
}

function addedView(expectation: DiffExpectation, source: SourceName): ViewNode {
  const { evolvesFrom } = expectation;
  if (!evolvesFrom) return item('added', '+', 'added', [expectation.text], expectation, source);
  return item('evolved', '~', 'evolved', evolvesFrom.changes.map(wordView), expectation, source);
}

function removedView(expectation: ResolvedExpectation, source: SourceName): ViewNode {
  return item('removed', '−', 'no longer expected', [expectation.text], expectation, source);
}

/** One line of the diff: a marker for the eye, the change named in words for screen readers, and where the expectation is written. */
function item(
  kind: string,
  mark: string,
  label: string,
  text: (ViewNode | string)[],
  expectation: ResolvedExpectation,
  source: SourceName,
): ViewNode {
  return el(
    'li',
    { class: kind, 'data-id': expectation.id },
    el('span', { class: 'diff-mark', title: label, 'aria-hidden': 'true' }, mark),
    el('span', { class: 'sr-only' }, `${label}: `),
    el('span', {}, el('span', { class: 'text' }, ...text), ' ', el('span', { class: 'source' }, '(', source(expectation), ')')),
  );
}

/** Names the role an expectation is written in, as a link to it there when that role's page is in the site. */
export type SourceName = (expectation: ResolvedExpectation) => ViewNode | string;

export function sourceName(titles: Readonly<Record<string, string>>, exported: ReadonlySet<string>): SourceName {
  return ({ source, id }) => {
    const title = titles[source] ?? source;
    return exported.has(source) ? el('a', { href: `${roleFileName(source)}.html#${id}` }, title) : title;
  };
}

/** A run of the word diff: words the newer text drops are struck out, words it adds are underlined. */
function wordView(change: WordChange): ViewNode | string {
  if (change.added) return el('ins', {}, change.value);
  if (change.removed) return el('del', {}, change.value);
  return change.value;
}
