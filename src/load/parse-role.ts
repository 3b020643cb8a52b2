import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ParentRef, ParsedExpectation, ParsedRole, ParsedSection } from '../schema/parsed.js';
import { fileRoleId } from './slug.js';

const parser = unified().use(remarkParse);

/** The parent line, matched on a paragraph's text (not on raw file text): article, then the parent's name. */
const INHERITS = /^\(?\s*inherits\s+the\s+role\s+expectations\s+of\s+(an?)\s+(.+?)\s*\.?\s*\)?\s*\.?\s*$/i;
const DESCRIPTION = 'role description';

export interface RoleOutline {
  title: string | null;
  titleLine: number;
  parent: ParentRef | null;
  description: string;
  descriptionLine?: number;
  sections: ParsedSection[];
  strayExpectations: ParsedExpectation[];
}

/** Parses Markdown (front matter already blanked out) into the parts of a role. Pure: text in, outline out. */
export function outlineRole(body: string): RoleOutline {
  const tree = parser.parse(body) as Root;
  const outline: RoleOutline = { title: null, titleLine: 0, parent: null, description: '', sections: [], strayExpectations: [] };
  let section: ParsedSection | null = null;
  const descriptionParts: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (outline.title === null && node.depth <= 2 && outline.sections.length === 0) {
        outline.title = textOf(node).trim();
        outline.titleLine = lineOf(node);
        continue;
      }
      section = { title: textOf(node).trim(), line: lineOf(node), expectations: [] };
      if (section.title.toLowerCase() === DESCRIPTION) outline.descriptionLine = section.line;
      outline.sections.push(section);
      continue;
    }
    if (section && section.title.toLowerCase() === DESCRIPTION) {
      if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') descriptionParts.push(sourceOf(body, node).trim());
      continue;
    }
    if (node.type === 'paragraph' && outline.parent === null && !section) {
      outline.parent = parentRef(node);
      if (outline.parent) continue;
    }
    if (node.type === 'list') (section ? section.expectations : outline.strayExpectations).push(...expectationsOf(body, node));
  }
  outline.description = descriptionParts.join('\n\n');
  outline.sections = outline.sections.filter((s) => s.title.toLowerCase() !== DESCRIPTION);
  return outline;
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

function parentRef(node: Paragraph): ParentRef | null {
  const match = INHERITS.exec(textOf(node).trim());
  if (!match) return null;
  const link = node.children.find((child) => child.type === 'link');
  const { line, column } = node.position!.start;
  return {
    name: link ? textOf(link).trim() : match[2]!.trim(),
    ...(link ? { link: link.url } : {}),
    article: match[1]!,
    line,
    column,
  };
}

/** Every list item, nested ones included, in document order; iterative so deep nesting cannot overflow. */
function expectationsOf(body: string, list: List): ParsedExpectation[] {
  const found: ParsedExpectation[] = [];
  const stack: ListItem[] = [...list.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const [first] = item.children;
    if (first && first.type !== 'list') {
      found.push({
        text: sourceOf(body, first).trim(),
        line: first.position!.start.line,
        column: first.position!.start.column,
        endLine: first.position!.end.line,
      });
    }
    const nested = item.children.filter((child): child is List => child.type === 'list');
    for (const sub of nested.reverse()) stack.push(...[...sub.children].reverse());
  }
  return found;
}

function sourceOf(body: string, node: RootContent): string {
  return body.slice(node.position!.start.offset, node.position!.end.offset);
}

function lineOf(node: Heading): number {
  return node.position!.start.line;
}

/** Plain text of a node, iteratively (deeply nested inline Markdown must not overflow the stack). */
function textOf(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string' && current.type !== 'html') text += current.value;
    else if ('children' in current) stack.push(...[...current.children].reverse());
  }
  return text;
}
