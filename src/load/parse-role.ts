import type { Blockquote, Heading, Link, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ParentRef, ParsedExpectation, ParsedRole, ParsedSection } from '../schema/parsed.js';
import { fold } from '../text/fold.js';
import { fileRoleId } from '../text/role-id.js';
import { short } from '../text/short.js';
import { linksAndAnchors, type LinksAndAnchors } from './markdown-links.js';
import { lightMarkdownTree } from './markdown-tree.js';
import { textOf } from './mdast-text.js';
import { isNavigation, NAVIGATION_SECTION, PROSE_DESCRIPTION, readProse, type SectionBlock } from './readers/prose.js';
import { normalizeLine, phrasingsFor, SHORT_LINE, readParentLine, readsLikeInheritance, suggestedPattern, type ParentLine, type Phrasing } from './parent-line.js';

const remark = unified().use(remarkParse);

/**
 * Markdown text to its syntax tree: the one parser every file of the ladder goes through. The light
 * compiler builds remark's tree for ordinary role files at less cost; whatever it declines, remark parses.
 */
export function parseMarkdown(body: string): Root {
  return lightMarkdownTree(body) ?? (remark.parse(body) as Root);
}

const DESCRIPTION = 'role description';

export interface OutlineOptions {
  /** Phrasings beyond the built-in ones, `{parent}` where the parent's name goes. */
  inheritPatterns?: string[];
  /** The title is set in front matter, so no heading is taken for it. */
  titleInFrontMatter?: boolean;
  /** Paragraphs under a section are expectations too (`prose: true`; see readers/prose.ts). */
  prose?: boolean;
}

/** A line under the title that speaks of inheriting but that no phrasing reads. */
export interface UnrecognisedParentLine {
  text: string;
  line: number;
  column: number;
  /** The `ladder.yaml` pattern that would read it, when a name can be told apart. */
  pattern?: string;
}

export interface RoleOutline extends LinksAndAnchors {
  title: string | null;
  titleLine: number;
  parent: ParentRef | null;
  /** The `ladder.yaml` pattern that read the parent line, if not a built-in phrasing. */
  parentPattern?: string;
  unrecognisedParentLines: UnrecognisedParentLine[];
  /** Short intro paragraphs no phrasing read (see `ParsedRole.shortLines`). */
  shortLines: { text: string; line: number; column: number }[];
  description: string;
  descriptionLine?: number;
  sections: ParsedSection[];
  strayExpectations: ParsedExpectation[];
}

/**
 * Parses Markdown (front matter already blanked out) into the parts of a role. Pure: text in, outline out.
 * Between the title and the first section come the parent line and the description (paragraphs, a
 * blockquote, a subtitle heading); sections are headings at the level the file uses for them.
 */
export function outlineRole(body: string, options: OutlineOptions = {}): RoleOutline {
  const tree = parseMarkdown(body);
  const phrasings = phrasingsFor(options.inheritPatterns);
  const outline: RoleOutline = { title: null, titleLine: 0, parent: null, unrecognisedParentLines: [], shortLines: [], description: '', sections: [], strayExpectations: [], ...linksAndAnchors(tree) };
  const firstHeading = tree.children.findIndex((node) => node.type === 'heading');
  const titleAt = !options.titleInFrontMatter && firstHeading >= 0 && (tree.children[firstHeading] as Heading).depth <= 2 ? firstHeading : -1;
  const isDescription = options.prose ? (title: string) => PROSE_DESCRIPTION.test(title) : isRoleDescription;
  const level = sectionLevel(tree.children.slice(titleAt + 1), isDescription);
  const proseBlocks: SectionBlock[] = [];
  let section: ParsedSection | null = null;
  let subsection: string | undefined;
  const intro: { text: string; line: number }[] = [];
  const descriptionParts: string[] = [];
  for (const [index, node] of tree.children.entries()) {
    const underTitle = index > titleAt && (titleAt >= 0 || options.titleInFrontMatter === true);
    if (index === titleAt) {
      outline.title = textOf(node).trim();
      outline.titleLine = node.position!.start.line;
      continue;
    }
    if (node.type === 'heading') {
      const title = textOf(node).trim();
      // Before any section, a heading at another level than the sections' is a subtitle ("## Ships with care").
      if (!section && underTitle && node.depth !== level && !isDescription(title)) {
        intro.push({ text: title, line: lineOf(node) });
        continue;
      }
      // A heading deeper than the sections' (`####` under `###`) opens a subsection of one, not a section.
      if (section && node.depth > level && !isDescription(section.title)) {
        subsection = title;
        continue;
      }
      section = { title, line: lineOf(node), expectations: [] };
      subsection = undefined;
      if (isDescription(title)) outline.descriptionLine = section.line;
      outline.sections.push(section);
      continue;
    }
    if (section && isDescription(section.title)) {
      if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') descriptionParts.push(sourceOf(body, node).trim());
      continue;
    }
    if (!section && (node.type === 'paragraph' || node.type === 'blockquote')) {
      if (options.prose && node.type === 'paragraph' && isNavigation(node)) continue;
      if (outline.parent === null && readParent(outline, body, parentCandidate(node), phrasings)) continue;
      if (underTitle) intro.push({ text: introText(body, node), line: node.position!.start.line });
      noteShortLine(outline, node);
      continue;
    }
    if (options.prose && section) {
      proseBlocks.push({ node, section, subsection });
      continue;
    }
    if (node.type === 'list') {
      const target = section ? section.expectations : outline.strayExpectations;
      target.push(...expectationsOf(body, node, target.length, subsection));
    }
  }
  readProse(body, proseBlocks);
  outline.description = [...intro.map((part) => part.text), ...descriptionParts].join('\n\n');
  outline.descriptionLine ??= intro[0]?.line;
  outline.sections = outline.sections.filter((s) => !isDescription(s.title) && !(options.prose && NAVIGATION_SECTION.test(s.title)));
  return outline;
}

/** Keeps a short paragraph no phrasing read, for the graph to check against the ladder's role titles. */
function noteShortLine(outline: RoleOutline, node: Paragraph | Blockquote): void {
  const text = normalizeLine(textOf(node));
  if (text.length > SHORT_LINE) return;
  const { line, column } = node.position!.start;
  outline.shortLines.push({ text, line, column });
}

function isRoleDescription(title: string): boolean {
  return title.toLowerCase() === DESCRIPTION;
}

/**
 * The heading level of sections: the commonest of `##` and `###` among the headings under the title
 * (`### Role description` aside). Always `##` when a `##` comes after a `###`: the `##` headings then
 * structure the file. Otherwise `###` wins a tie, so a `## tagline` before the `###` sections is a subtitle.
 * With neither, the shallowest heading level.
 */
function sectionLevel(nodes: RootContent[], isDescription: (title: string) => boolean): number {
  const depths = nodes.flatMap((node) => (node.type === 'heading' && !isDescription(textOf(node).trim()) ? [node.depth] : []));
  const firstDeep = depths.indexOf(3);
  const shallow = depths.filter((depth) => depth === 2).length;
  const deep = depths.filter((depth) => depth === 3).length;
  // A file with neither (`# Craft` sections under a front matter title) has its sections at its top level.
  if (shallow === 0 && deep === 0) return depths.reduce<number>((min, depth) => Math.min(min, depth), 6);
  if (shallow === 0) return 3;
  if (deep === 0 || depths.lastIndexOf(2) > firstDeep) return 2;
  return shallow > deep ? 2 : 3;
}

/** The paragraph that may be a parent line: the paragraph itself, or the only one of a blockquote. */
function parentCandidate(node: Paragraph | Blockquote): Paragraph | null {
  if (node.type === 'paragraph') return node;
  const [only] = node.children;
  return node.children.length === 1 && only?.type === 'paragraph' ? only : null;
}

/**
 * Sets the outline's parent when a phrasing reads the paragraph. One that reads like a parent line but
 * that no phrasing reads is noted (and not kept as description). Returns whether the paragraph was a parent line.
 */
function readParent(outline: RoleOutline, body: string, node: Paragraph | null, phrasings: Phrasing[]): boolean {
  if (!node) return false;
  const plain = textOf(node);
  const { line, column } = node.position!.start;
  const read = readParentLine(plain, phrasings);
  if (read) {
    outline.parent = parentRef(read, linksOf(node), line, column);
    if (read.pattern !== undefined) outline.parentPattern = read.pattern;
    return true;
  }
  if (!readsLikeInheritance(plain) && !isOnlyRoleLinks(node)) return false;
  const pattern = suggestedPattern(plain);
  outline.unrecognisedParentLines.push({ text: short(normalizeLine(sourceOf(body, node)), 120), line, column, ...(pattern ? { pattern } : {}) });
  return true;
}

function parentRef(read: ParentLine, links: Link[], line: number, column: number): ParentRef {
  const [name] = read.names as [string, ...string[]];
  // A name written as a link points at its file; the graph follows the link. The article may sit inside
  // the link text ("[an Engineer](engineer.md)").
  const written = new Set([fold(name), ...(read.article ? [fold(`${read.article} ${name}`)] : [])]);
  const link = links.find((candidate) => written.has(fold(normalizeLine(textOf(candidate)))));
  return {
    name,
    ...(read.names.length > 1 ? { names: read.names } : {}),
    ...(link ? { link: link.url } : {}),
    ...(read.article ? { article: read.article } : {}),
    line,
    column,
  };
}

/** The links of a paragraph, inside emphasis too. */
function linksOf(node: Paragraph): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = [...node.children];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'link') links.push(current);
    else if ('children' in current) stack.push(...current.children);
  }
  return links.reverse();
}

/** A paragraph that is only links to Markdown files (punctuation aside): a parent named by its file, perhaps. */
function isOnlyRoleLinks(node: Paragraph): boolean {
  const links: Link[] = [];
  let besides = '';
  const stack: Nodes[] = [...node.children];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'link') links.push(current);
    else if ('value' in current && typeof current.value === 'string') besides += current.value;
    else if ('children' in current) stack.push(...current.children);
  }
  return links.length > 0 && links.every((link) => isRoleFileLink(link.url)) && /^[\s\p{P}]*$/u.test(besides);
}

/** A relative link to a Markdown file other than a README: possibly a role. */
function isRoleFileLink(url: string): boolean {
  const path = url.split('#')[0]!.toLowerCase();
  return !/^[a-z][a-z0-9+.-]*:/.test(path) && path.endsWith('.md') && !path.endsWith('readme.md');
}

/** A description part before the sections as written; a blockquote without its `>` markers. */
function introText(body: string, node: Paragraph | Blockquote): string {
  const source = sourceOf(body, node).trim();
  return node.type === 'blockquote' ? source.replace(/^[ \t]*>[ \t]?/gm, '').trim() : source;
}

/** Builds the role record from a file's outline; null when the file has no title and so is not a role. */
export function toParsedRole(outline: RoleOutline, file: string, frontMatter: ParsedRole['frontMatter']): ParsedRole | null {
  const title = frontMatter?.title ?? outline.title;
  if (!title) return null;
  const folders = file.split('/').slice(0, -1);
  let parent = outline.parent;
  if (frontMatter?.inherits !== undefined) {
    parent = frontMatter.inherits === null ? null : { name: frontMatter.inherits, line: 1, column: 1 };
  }
  return {
    id: frontMatter?.id ?? fileRoleId(file),
    title,
    titleLine: outline.titleLine || 1,
    file,
    track: frontMatter?.track ?? folders[0] ?? 'default',
    declaredLevel: frontMatter?.level,
    aliases: frontMatter?.aliases ?? [],
    parent,
    description: outline.description || (frontMatter?.description ?? ''),
    descriptionLine: outline.description ? outline.descriptionLine : frontMatter?.description ? 1 : undefined,
    sections: outline.sections,
    strayExpectations: outline.strayExpectations,
    ...(parent === null && frontMatter?.inherits === undefined && outline.shortLines.length > 0 ? { shortLines: outline.shortLines } : {}),
    frontMatter,
  };
}

/**
 * Every list item, nested ones included, in document order; iterative so deep nesting cannot overflow.
 * A nested item keeps `parent`: the index (in the section's list) of the item it sits under.
 */
function expectationsOf(body: string, list: List, offset: number, subsection: string | undefined): ParsedExpectation[] {
  const found: ParsedExpectation[] = [];
  const stack: { item: ListItem; parent?: number }[] = [...list.children].reverse().map((item) => ({ item }));
  while (stack.length > 0) {
    const { item, parent } = stack.pop()!;
    const [first] = item.children;
    let index = parent;
    if (first && first.type !== 'list') {
      index = offset + found.length;
      found.push({
        text: sourceOf(body, first).trim(),
        line: first.position!.start.line,
        column: first.position!.start.column,
        endLine: first.position!.end.line,
        ...(subsection !== undefined ? { subsection } : {}),
        ...(parent !== undefined ? { parent } : {}),
      });
    }
    const nested = item.children.filter((child): child is List => child.type === 'list');
    for (const sub of nested.reverse()) stack.push(...[...sub.children].reverse().map((child) => ({ item: child, parent: index })));
  }
  return found;
}

function sourceOf(body: string, node: RootContent): string {
  return body.slice(node.position!.start.offset, node.position!.end.offset);
}

function lineOf(node: Heading): number {
  return node.position!.start.line;
}
