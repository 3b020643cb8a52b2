import type { List, ListItem, Nodes, Paragraph, RootContent, Strong } from 'mdast';
import type { ParsedExpectation, ParsedSection } from '../../schema/parsed.js';
import { textOf } from '../mdast-text.js';

/**
 * The prose reading of a section (`format: { reader: …, prose: true }`), for ladders written in
 * paragraphs rather than bullets. An option of the default reader (src/load/parse-role.ts) and of
 * levels-in-one-file, which hand it each section's blocks:
 * - each paragraph is an expectation, its text exactly as in the file;
 * - a lead-in ending in ":" ("This means:") and "next level"/"previous level" links are not;
 * - "For example…"/"e.g." paragraphs, "Examples:" lists and `#### Examples` hold examples of the
 *   expectation above them;
 * - a bold label ("**Ownership:** …", or a list of `* **Label**` items) opens a subsection.
 * Nothing is rewritten, so every expectation keeps the file's line and column and `--fix` edits land right.
 */

/** Section titles (besides "Role description") that hold the role's description in a prose ladder. */
export const PROSE_DESCRIPTION = /^(?:role )?(?:description|overview|summary|about(?: (?:this|the) (?:role|level))?)$/i;

/** Sections that only point at other levels ("## Next level", "## Previous levels"): neither expectations nor description. */
export const NAVIGATION_SECTION = /^(?:next|previous|prev)(?: (?:level|role|step)s?)?$/i;

/** One block of a section, with the `####` heading above it inside the section, if any. */
export interface SectionBlock {
  node: RootContent;
  section: ParsedSection;
  subsection: string | undefined;
}

const EXAMPLES = /^[*_]*(?:for example|for instance|e\.\s?g\.|examples?\b|such as\b)/i;
/** Whether a paragraph or item opens with "For example", "e.g." or "Examples": it holds examples. */
export function isExamples(text: string): boolean {
  return EXAMPLES.test(text);
}

const EXAMPLES_HEADING = /^(?:examples?|for example)$/i;
const NAVIGATION = /\b(?:next|previous|prev) (?:level|role|step)\b|^[\s[]*(?:next|previous|prev|back)\b[^.!?]{0,40}$|[←→«»]/i;
const LEAD_IN = /:[*_]*$/;
/** Words of a lead-in in bold ("**This means:**", "**You will:**"), which heads no subsection. */
const LEAD_IN_WORDS = /\b(?:means?|will|should|looks? like|expect(?:ed|s)?|includes?|following)\b/i;

/** Reads the blocks of each section into its expectations, in order. */
export function readProse(body: string, blocks: SectionBlock[]): void {
  let state = { section: undefined as ParsedSection | undefined, heading: undefined as string | undefined, label: undefined as string | undefined, examples: false };
  for (const { node, section, subsection } of blocks) {
    if (NAVIGATION_SECTION.test(section.title)) continue;
    if (state.section !== section || state.heading !== subsection) state = { section, heading: subsection, label: undefined, examples: false };
    const into = new SectionWriter(body, section, EXAMPLES_HEADING.test(subsection ?? '') ? undefined : (state.label ?? subsection));
    if (EXAMPLES_HEADING.test(subsection ?? '')) {
      into.examples(node);
      continue;
    }
    if (node.type === 'paragraph') {
      const read = readParagraph(into, node);
      if (read.label !== undefined) state.label = read.label;
      state.examples = read.examplesNext;
    } else if (node.type === 'list') {
      if (state.examples) into.examples(node);
      else readList(into, node);
      state.examples = false;
    }
  }
}

/** What a paragraph did: opened a subsection, or announced a list of examples. */
function readParagraph(into: SectionWriter, node: Paragraph): { label?: string; examplesNext: boolean } {
  const text = into.source(node).trim();
  if (isNavigation(node)) return { examplesNext: false };
  if (EXAMPLES.test(text)) {
    if (LEAD_IN.test(text)) return { examplesNext: true };
    if (into.addExample(text)) return { examplesNext: false };
  }
  const label = boldLabel(node, text);
  if (label) {
    if (label.rest === undefined) return { label: label.name, examplesNext: false };
    // An inline label ("**Design:** …") heads its own paragraph only; one alone on its line heads what follows.
    into.withSubsection(label.name).add(label.rest, label.restOffset!, node.position!.end.offset!, true);
    return { examplesNext: false };
  }
  // A lead-in ("This means:", "You will:") introduces what follows; it expects nothing itself.
  if (LEAD_IN.test(text)) return { examplesNext: false };
  into.add(text, node.position!.start.offset!, node.position!.end.offset!, true);
  return { examplesNext: false };
}

/**
 * A list under a section. When every top item opens with a bold label (`* **Craft**` with nested items,
 * or `* **Craft:** text`), each label is a subsection of what it holds.
 */
function readList(into: SectionWriter, list: List): void {
  const labelled = list.children.map((item) => ({ item, label: itemLabel(into, item) }));
  const allLabelled = labelled.every(({ label }) => label !== undefined);
  for (const { item, label } of labelled) {
    if (allLabelled && label) {
      const writer = into.withSubsection(label.name);
      const first = item.children[0] as Paragraph;
      const parent = label.rest === undefined ? undefined : writer.add(label.rest, label.restOffset!, first.position!.end.offset!, false);
      for (const child of item.children.slice(1)) if (child.type === 'list') readItems(writer, child, parent);
    } else readItems(into, { ...list, children: [item] }, undefined);
  }
}

/** List items as expectations (nested ones keep the item above as parent); an "Examples:" item's children are its parent's examples. */
function readItems(into: SectionWriter, list: List, parent: number | undefined): void {
  for (const item of list.children) {
    const [first, ...rest] = item.children;
    let index = parent;
    const text = first && first.type !== 'list' ? into.source(first).trim() : '';
    const nested = [...(first?.type === 'list' ? [first] : []), ...rest].filter((child): child is List => child.type === 'list');
    if (text !== '' && EXAMPLES.test(text) && (parent !== undefined || into.hasExpectation())) {
      const at = parent ?? into.lastIndex();
      if (!LEAD_IN.test(text)) into.addExample(text, at);
      for (const sub of nested) into.examples(sub, at);
      continue;
    }
    if (text !== '' && first) index = into.add(text, first.position!.start.offset!, first.position!.end.offset!, false, parent);
    for (const sub of nested) readItems(into, sub, index);
  }
}

/** Reads list items into a section as expectations (see `readItems`): the list form of every reader. */
export function readListItems(body: string, section: ParsedSection, list: List, subsection?: string, parent?: number): void {
  readItems(new SectionWriter(body, section, subsection), list, parent);
}

/** Adds the text of a paragraph from `start` on (after a label) to a section as an expectation; returns its index. */
export function addExpectationAt(body: string, section: ParsedSection, text: string, start: number, end: number): number {
  return new SectionWriter(body, section, undefined).add(text, start, end, false);
}

/** The bold name opening a paragraph ("**Junior**", "**Junior:** summary", "**Junior** — summary"), and what follows it. */
export function boldLead(body: string, node: Paragraph): Label | undefined {
  const [strong] = node.children;
  if (strong?.type !== 'strong') return undefined;
  const name = textOf(strong).trim().replace(/:$/, '').trim();
  const after = body.slice(strong.position!.end.offset, node.position!.end.offset);
  const gap = /^\s*[:\u2013\u2014-]?\s*/.exec(after)![0];
  const rest = after.slice(gap.length).trimEnd();
  return name === '' ? undefined : { name, ...(rest ? { rest, restOffset: strong.position!.end.offset! + gap.length } : {}) };
}

export interface Label {
  name: string;
  /** The text after the label, if any, and where it starts. */
  rest?: string;
  restOffset?: number;
}

/**
 * "**Ownership:** Owns the service.", "**Ownership**: …", "**Ownership.** …", "**Ownership** — …", or a
 * paragraph that is only a short bold label.
 * A whole sentence in bold ("**Owns the service.**") is emphasis, not a label.
 */
function boldLabel(node: Paragraph, text: string): Label | undefined {
  const [strong] = node.children;
  if (strong?.type !== 'strong') return undefined;
  const name = textOf(strong as Strong).trim().replace(/[:.]$/, '').trim();
  const strongEnd = strong.position!.end.offset!;
  const source = text.slice(strongEnd - node.position!.start.offset!);
  const colon = /^\s*[:\u2013\u2014]?\s*/.exec(source)![0];
  const rest = source.slice(colon.length).trimEnd();
  const labelled = /[:.]$/.test(textOf(strong as Strong).trim()) || /[:\u2013\u2014]/.test(colon);
  if (rest === '') return name.split(/\s+/).length <= 6 && !/[.!?]$/.test(textOf(strong as Strong).trim()) && !LEAD_IN_WORDS.test(name) ? { name } : undefined;
  return labelled && name.split(/\s+/).length <= 6 ? { name, rest, restOffset: strongEnd + colon.length } : undefined;
}

/** The bold label opening a list item's first paragraph, if it has one. */
function itemLabel(into: SectionWriter, item: ListItem): Label | undefined {
  const [first] = item.children;
  if (first?.type !== 'paragraph') return undefined;
  const label = boldLabel(first, into.source(first).trim());
  // A bare bold item is a label only when it holds nested items; alone it is an expectation in bold.
  if (label && label.rest === undefined && !item.children.some((child) => child.type === 'list')) return undefined;
  return label;
}

/** "Next level: [Senior](senior.md)", "← Previous level": links for the reader, no expectation (nor a parent line). */
export function isNavigation(node: Paragraph): boolean {
  const text = textOf(node).trim();
  return hasLink(node) && NAVIGATION.test(text) && text.length < 200;
}

function hasLink(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'link' || current.type === 'linkReference') return true;
    if ('children' in current) stack.push(...current.children);
  }
  return false;
}

/** Adds expectations and examples to a section, with lines and columns from offsets in the file's body. */
class SectionWriter {
  constructor(
    private readonly body: string,
    private readonly section: ParsedSection,
    private readonly subsection: string | undefined,
  ) {}

  withSubsection(subsection: string): SectionWriter {
    return new SectionWriter(this.body, this.section, subsection);
  }

  source(node: Nodes): string {
    return this.body.slice(node.position!.start.offset, node.position!.end.offset);
  }

  /** Adds an expectation from `start` to `end` of the body; returns its index in the section. */
  add(text: string, start: number, end: number, paragraph: boolean, parent?: number): number {
    const from = this.positionAt(start);
    const expectation: ParsedExpectation = {
      text,
      line: from.line,
      column: from.column,
      endLine: this.positionAt(end).line,
      ...(paragraph ? { paragraph } : {}),
      ...(this.subsection !== undefined ? { subsection: this.subsection } : {}),
      ...(parent !== undefined ? { parent } : {}),
    };
    this.section.expectations.push(expectation);
    return this.section.expectations.length - 1;
  }

  hasExpectation(): boolean {
    return this.section.expectations.length > 0;
  }

  lastIndex(): number {
    return this.section.expectations.length - 1;
  }

  /** Adds an example to an expectation (the last one by default); false when there is none to hold it. */
  addExample(text: string, index = this.lastIndex()): boolean {
    const expectation = this.section.expectations[index];
    if (!expectation) return false;
    expectation.examples = [...(expectation.examples ?? []), text];
    return true;
  }

  /** A block of examples: each list item (nested ones too) or paragraph is one. With nothing above to hold them, they are expectations. */
  examples(node: RootContent, index = this.lastIndex()): void {
    if (index < 0) {
      if (node.type === 'list') readItems(this, node, undefined);
      else if (node.type === 'paragraph') this.add(this.source(node).trim(), node.position!.start.offset!, node.position!.end.offset!, true);
      return;
    }
    if (node.type === 'paragraph') this.addExample(this.source(node).trim(), index);
    if (node.type !== 'list') return;
    const stack: ListItem[] = [...node.children].reverse();
    while (stack.length > 0) {
      const item = stack.pop()!;
      for (const child of [...item.children].reverse()) {
        if (child.type === 'list') stack.push(...[...child.children].reverse());
      }
      const [first] = item.children;
      if (first && first.type !== 'list') this.addExample(this.source(first).trim(), index);
    }
  }

  private positionAt(offset: number): { line: number; column: number } {
    const before = this.body.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  }
}
