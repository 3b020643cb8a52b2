import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import type { ParsedExpectation, ParsedRole, ParsedSection } from '../../schema/parsed.js';
import { fileRoleId } from '../../text/role-id.js';
import { slug } from '../../text/slug.js';
import { textOf } from '../mdast-text.js';
import { outlineRole, parseMarkdown, toParsedRole, type OutlineOptions, type RoleOutline } from '../parse-role.js';
import { addExpectationAt, boldLead, isExamples, readListItems } from './prose.js';
import type { LevelsInFile } from './levels-in-file-settings.js';

export type { LevelsInFile };

/**
 * The reader for ladders that keep several levels in one file (`format: levels-in-one-file`): a sibling of
 * the default reader, src/load/parse-role.ts, which reads one role per file. A file is one track (named
 * after the file); each heading at `levelHeading` depth is a level, the headings one deeper its sections.
 */
/** A level's role with the outline the default reader made of it, for the problems it noted. */
export interface LevelRole {
  role: ParsedRole;
  outline: Pick<RoleOutline, 'parent' | 'parentPattern' | 'unrecognisedParentLines'>;
}

/**
 * Every level of a file as a role. Each level is read by the default reader from the file with every other
 * line blanked, so lines and columns stay those of the file and `--fix` edits land where they should.
 * Ids are `<file id>-<slug of the heading>` (`backend.md`'s `## Senior` is `backend-senior`), so levels of
 * several files never clash; a heading that already starts with the file id is not prefixed twice
 * (`## Backend Engineer I` is `backend-engineer-i`).
 * With `inherit: previous`, a level without a parent line of its own inherits the one above it, named by
 * its id; with `none`, the level's place in the file sets its level.
 */
export function readLevels(file: string, body: string, settings: LevelsInFile, options: OutlineOptions): LevelRole[] {
  if (settings.levels === 'bold-list') return readBoldListLevels(file, body, settings);
  const lines = body.split('\n');
  const headings = parseMarkdown(body).children.filter((node): node is Heading => node.type === 'heading');
  const starts = headings
    .filter((heading) => heading.depth === settings.levelHeading)
    .map((heading) => ({ line: heading.position!.start.line, title: textOf(heading).trim() }));
  // The lines the parser read as headings: only those are raised, never a `###` inside a code block.
  const headingLines = new Set(headings.map((heading) => heading.position!.start.line));
  const fileId = fileRoleId(file);
  const levels: LevelRole[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.line ?? lines.length + 1;
    const slice = lines.map((line, n) => {
      if (n + 1 < start.line || n + 1 >= end) return '';
      return headingLines.has(n + 1) ? raised(line, settings.levelHeading) : line;
    });
    const outline = outlineRole(slice.join('\n'), options);
    const role = toParsedRole(outline, file, undefined);
    if (!role) return;
    const previous = levels.at(-1)?.role;
    const inherited = settings.inherit === 'previous' && role.parent === null && previous ? { name: previous.id, line: start.line, column: 1 } : role.parent;
    levels.push({
      role: {
        ...role,
        id: levelId(fileId, start.title),
        track: fileId,
        parent: inherited,
        ...(settings.inherit === 'none' ? { declaredLevel: i + 1 } : {}),
      },
      outline,
    });
  });
  return levels;
}

/** A level's id: `<file id>-<slug of its name>`, the file id not repeated when the name starts with it. */
export function levelId(fileId: string, title: string): string {
  const heading = slug(title);
  return heading === fileId || heading.startsWith(`${fileId}-`) ? heading : `${fileId}-${heading}`;
}

/**
 * A heading line of a `###` level (the level's and those under it) read one level up, as the default reader
 * expects a title at `#` or `##`: the first `#` becomes a space, which Markdown allows before a heading, so
 * every column stays where it was. Only lines the parser read as headings come here.
 */
function raised(line: string, levelHeading: 2 | 3): string {
  return levelHeading === 3 && line.startsWith('###') ? ` ${line.slice(1)}` : line;
}

/** "Craft:" or "Technical skills:", a short plain label ending in a colon. */
const PLAIN_LABEL = /^[\p{L}][\p{L}\p{N} &/,'-]{0,40}:$/u;

/** "**Craft:**" or "**Craft**:" at the start of an item. */
const LABEL_COLON = /^(?:\*\*|__)[^*_]+:(?:\*\*|__)|^(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:/;

/**
 * The bold-list form (`levels: bold-list`): the top items of a list, each opening with a bold name
 * (`* **Junior Engineer**`, `1. **Junior**: summary`), are the levels; what follows the name is the
 * description, and the items nested under it the expectations. A nested bold label (`* **Craft**` with
 * items under it) is a section; items under no label go to one section named after the heading above the
 * list ("Expectations" without one). A list after the levels, under the same heading, that is no level's
 * is kept as the last level's stray expectations, so lint names its lines rather than dropping them; one
 * under a heading of its own ("## How to use this") is no level's. Level lists under several
 * headings are a track each, named by file and heading. Positions are the file's.
 */
export function readBoldListLevels(file: string, body: string, settings: LevelsInFile): LevelRole[] {
  const fileId = fileRoleId(file);
  const groups: { heading: string | undefined; lists: List[] }[] = [];
  const levels: LevelRole[] = [];
  let heading: string | undefined;
  for (const node of parseMarkdown(body).children) {
    if (node.type === 'heading') heading = node.depth > 1 ? textOf(node).trim() : heading;
    if (node.type !== 'list') continue;
    const group = groups.at(-1)?.heading === heading ? groups.at(-1) : undefined;
    if (group) group.lists.push(node);
    else if (isBoldLevelList(body, node)) groups.push({ heading, lists: [node] });
  }
  // Level lists under several headings ("## Engineering", "## Management") are a track each.
  const byHeading = groups.length > 1;
  for (const group of groups) {
    const track = byHeading ? levelId(fileId, group.heading ?? '') : fileId;
    const chain: LevelRole[] = [];
    for (const list of group.lists) {
      for (const item of list.children) {
        if (!isBoldLevelList(body, list) || !isBoldLed(body, item)) {
          const above = chain.at(-1)?.role;
          if (above) readListItems(body, { title: '', line: 0, expectations: above.strayExpectations } as ParsedSection, { ...list, children: [item] });
          continue;
        }
        const role = boldListLevel(file, body, item, byHeading ? 'Expectations' : (group.heading ?? 'Expectations'));
        const previous = chain.at(-1)?.role;
        const parent = settings.inherit === 'previous' && previous ? { name: previous.id, line: role.titleLine, column: 1 } : null;
        const level = { ...role, id: levelId(track, role.title), track, parent, ...(settings.inherit === 'none' ? { declaredLevel: chain.length + 1 } : {}) };
        chain.push({ role: level, outline: { parent, unrecognisedParentLines: [] } });
      }
    }
    levels.push(...chain);
  }
  return levels;
}

/**
 * A list of levels: its first top item and most others open with a bold name, and some hold nested items.
 * A top item without one (a lost indent) is then kept as the level above's stray, for lint to name.
 */
export function isBoldLevelList(body: string, list: List): boolean {
  const named = list.children.filter((item) => isBoldLed(body, item)).length;
  return isBoldLed(body, list.children[0]!) && named * 2 > list.children.length && list.children.some((item) => item.children.some((child) => child.type === 'list'));
}

function isBoldLed(body: string, item: ListItem): boolean {
  const [lead] = item.children;
  return lead?.type === 'paragraph' && boldLead(body, lead) !== undefined;
}

/** One level item as a role: its bold name the title, the text after it the description, its nested items the expectations. */
function boldListLevel(file: string, body: string, item: ListItem, defaultSection: string): ParsedRole {
  const [lead, ...rest] = item.children as [Paragraph, ...RootContent[]];
  const { name, rest: summary } = boldLead(body, lead)!;
  const line = lead.position!.start.line;
  const sections: ParsedSection[] = [];
  const description: string[] = summary ? [summary] : [];
  let open: ParsedSection | undefined;
  const sectionFor = (title: string, at: number): ParsedSection => {
    const found = sections.find((section) => section.title === title);
    if (found) return found;
    const section = { title, line: at, expectations: [] as ParsedExpectation[] };
    sections.push(section);
    return section;
  };
  for (const child of rest) {
    if (child.type === 'paragraph') {
      // A bold label alone on its line opens a section; other text describes the level.
      const label = boldLead(body, child);
      if (label && label.rest === undefined) open = sectionFor(label.name, child.position!.start.line);
      else description.push(body.slice(child.position!.start.offset, child.position!.end.offset).trim());
      continue;
    }
    if (child.type !== 'list') continue;
    for (const sub of child.children) readSubItem(body, sub, () => open ?? sectionFor(defaultSection, line), sectionFor);
  }
  return {
    id: '',
    title: name,
    titleLine: line,
    file,
    track: '',
    aliases: [],
    parent: null,
    description: description.join('\n\n'),
    ...(description.length > 0 ? { descriptionLine: line } : {}),
    sections,
    strayExpectations: [],
  };
}

/** An item under a level: a bold label with items under it is a section (its text, if any, the first expectation); else an expectation. */
function readSubItem(body: string, item: ListItem, fallback: () => ParsedSection, sectionFor: (title: string, line: number) => ParsedSection): void {
  const [lead, ...rest] = item.children;
  const label = lead?.type === 'paragraph' ? boldLead(body, lead) : undefined;
  const nested = rest.filter((child): child is List => child.type === 'list');
  const source = lead ? body.slice(lead.position!.start.offset, lead.position!.end.offset).trim() : '';
  // A short "Craft:" over nested items names their section as a bold label does.
  if (!label && nested.length > 0 && PLAIN_LABEL.test(source) && !isExamples(source)) {
    const section = sectionFor(source.slice(0, -1).trim(), lead!.position!.start.line);
    for (const list of nested) readListItems(body, section, list);
    return;
  }
  // "**Craft**" or "**Craft:** text" over nested items is a section; "**Writes code** carefully" is emphasis.
  if (!label || nested.length === 0 || (label.rest !== undefined && !LABEL_COLON.test(source))) {
    readListItems(body, fallback(), { type: 'list', children: [item] });
    return;
  }
  const section = sectionFor(label.name, lead!.position!.start.line);
  const parent = label.rest === undefined ? undefined : addExpectationAt(body, section, label.rest, label.restOffset!, lead!.position!.end.offset!);
  for (const list of nested) readListItems(body, section, list, undefined, parent);
}
