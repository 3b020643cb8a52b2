import type { Heading, RootContent } from 'mdast';
import type { SourceFile } from '../load/load-ladder.js';
import { textOf } from '../load/mdast-text.js';
import { parseMarkdown } from '../load/parse-role.js';
import type { ParsedRole } from '../schema/parsed.js';

/**
 * A ladder kept as several levels per file: some file has two or more `##` headings, each holding `###`
 * sections with list items, and no role names a parent (levels in one file are ordered by the file, not
 * by parent lines). Returns what was seen, "platform.md: Engineer I → Engineer II", or undefined.
 * Only the `##` form is recognised; a ladder with `### <Level>` is set by hand (`levelHeading: 3`).
 */
export function levelsInFileShape(roles: ParsedRole[], sources: SourceFile[]): string | undefined {
  if (roles.some((role) => role.parent !== null)) return undefined;
  const files = sources.flatMap((source) => {
    const levels = levelHeadings(parseMarkdown(source.text).children);
    return levels ? [`${source.file}: ${levels.join(' → ')}`] : [];
  });
  return files.length > 0 ? `several levels in one file, a "##" heading per level with "###" sections, each level building on the one above it: ${files.join('; ')}` : undefined;
}

/** The titles of a file's `##` headings when there are two or more and each holds a `###` section with list items; else undefined. */
function levelHeadings(nodes: RootContent[]): string[] | undefined {
  const levels: { title: string; sections: number; lists: number }[] = [];
  for (const node of nodes) {
    const level = levels.at(-1);
    if (node.type === 'heading' && node.depth === 2) levels.push({ title: textOf(node as Heading).trim(), sections: 0, lists: 0 });
    else if (node.type === 'heading' && node.depth === 3 && level) level.sections++;
    else if (node.type === 'list' && level && level.sections > 0) level.lists++;
  }
  return levels.length >= 2 && levels.every((level) => level.sections > 0 && level.lists > 0) ? levels.map((level) => level.title) : undefined;
}
