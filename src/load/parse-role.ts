import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ParentRef, ParsedExpectation, ParsedRole, ParsedSection } from '../schema/parsed.js';
import { linksAndAnchors, type LinksAndAnchors } from './markdown-links.js';
import { textOf } from './mdast-text.js';
import { fileRoleId } from './slug.js';

const parser = unified().use(remarkParse);

/** Markdown text to its syntax tree: the one parser every file of the ladder goes through. */
export function parseMarkdown(body: string): Root {
  return parser.parse(body) as Root;
}

/**
 * The built-in ways a role names its parent: the seed's line and the older "Same as X, but also..." that
 * many forked ladders use. `ladder.yaml` adds more (`inherits.patterns`).
 */
const BUILT_IN_PHRASINGS = ['Inherits the role expectations of {parent}', 'Same as {parent}, but also'];
const DESCRIPTION = 'role description';

export interface OutlineOptions {
  /** Phrasings beyond the built-in ones, `{parent}` where the parent's name goes. */
  inheritPatterns?: string[];
}

export interface RoleOutline extends LinksAndAnchors {
  title: string | null;
  titleLine: number;
  parent: ParentRef | null;
  description: string;
  descriptionLine?: number;
  sections: ParsedSection[];
  strayExpectations: ParsedExpectation[];
}

/** Parses Markdown (front matter already blanked out) into the parts of a role. Pure: text in, outline out. */
export function outlineRole(body: string, options: OutlineOptions = {}): RoleOutline {
  const tree = parseMarkdown(body);
  const phrasings = [...BUILT_IN_PHRASINGS, ...(options.inheritPatterns ?? [])].map(phrasingPattern);
  const outline: RoleOutline = { title: null, titleLine: 0, parent: null, description: '', sections: [], strayExpectations: [], ...linksAndAnchors(tree) };
  let section: ParsedSection | null = null;
  let sectionDepth = 0;
  let subsection: string | undefined;
  const descriptionParts: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (outline.title === null && node.depth <= 2 && outline.sections.length === 0) {
        outline.title = textOf(node).trim();
        outline.titleLine = lineOf(node);
        continue;
      }
      // A heading deeper than its section's (`####` under `###`) opens a subsection of it, not a section.
      if (section && node.depth > sectionDepth && !isDescription(section)) {
        subsection = textOf(node).trim();
        continue;
      }
      section = { title: textOf(node).trim(), line: lineOf(node), expectations: [] };
      sectionDepth = node.depth;
      subsection = undefined;
      if (isDescription(section)) outline.descriptionLine = section.line;
      outline.sections.push(section);
      continue;
    }
    if (section && isDescription(section)) {
      if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') descriptionParts.push(sourceOf(body, node).trim());
      continue;
    }
    if (node.type === 'paragraph' && outline.parent === null && !section) {
      outline.parent = parentRef(node, phrasings);
      if (outline.parent) continue;
    }
    if (node.type === 'list') {
      const target = section ? section.expectations : outline.strayExpectations;
      target.push(...expectationsOf(body, node, target.length, subsection));
    }
  }
  outline.description = descriptionParts.join('\n\n');
  outline.sections = outline.sections.filter((s) => !isDescription(s));
  return outline;
}

function isDescription(section: ParsedSection): boolean {
  return section.title.toLowerCase() === DESCRIPTION;
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
    description: outline.description,
    descriptionLine: outline.descriptionLine,
    sections: outline.sections,
    strayExpectations: outline.strayExpectations,
    frontMatter,
  };
}

function parentRef(node: Paragraph, phrasings: RegExp[]): ParentRef | null {
  const text = textOf(node).trim().replace(/…/g, '...');
  const match = phrasings.map((pattern) => pattern.exec(text)).find((found) => found !== null);
  if (!match) return null;
  const link = node.children.find((child) => child.type === 'link');
  const { line, column } = node.position!.start;
  return {
    name: link ? textOf(link).trim() : match[2]!.trim(),
    ...(link ? { link: link.url } : {}),
    ...(match[1] ? { article: match[1] } : {}),
    line,
    column,
  };
}

/**
 * A phrasing as a pattern over a paragraph's plain text: case and runs of spaces do not matter, commas are
 * optional, an article may precede the name, and the line may sit in parentheses and end in dots.
 */
function phrasingPattern(phrasing: string): RegExp {
  const [before, after] = phrasing.replace(/…/g, '...').split('{parent}') as [string, string];
  // Dots that end a phrasing are optional in the text: writers drop them or type "…".
  const tail = literal(after.replace(/[.\s]+$/, ''));
  return new RegExp(`^\\(?\\s*${literal(before)}(?:(an?|the)\\s+)?(.+?)${tail}\\s*\\.*\\s*\\)?\\s*\\.*$`, 'i');
}

function literal(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s*,\s*/g, '\\s*,?\\s*')
    .replace(/\s+/g, '\\s+');
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
