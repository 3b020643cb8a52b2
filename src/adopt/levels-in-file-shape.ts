import type { Heading, List, RootContent } from 'mdast';
import type { SourceFile } from '../load/load-ladder.js';
import { textOf } from '../load/mdast-text.js';
import { splitFrontMatter } from '../load/front-matter.js';
import { parseMarkdown } from '../load/parse-role.js';
import { isBoldLevelList } from '../load/readers/levels-in-file.js';
import { boldLead } from '../load/readers/prose.js';
import type { ParsedRole } from '../schema/parsed.js';

/**
 * A ladder kept as several levels per file: some file has two or more `##` headings, each holding `###`
 * sections with list items, and no role names a parent (levels in one file are ordered by the file, not
 * by parent lines). Returns what was seen, "platform.md: Engineer I → Engineer II", or undefined.
 * Only the `##` form is recognised; a ladder with `### <Level>` is set by hand (`levelHeading: 3`).
 * With `prose`, sections of paragraphs count too (see `levelHeadings`).
 */
export function levelsInFileShape(roles: ParsedRole[], sources: SourceFile[], prose = false): string | undefined {
  if (roles.some((role) => role.parent !== null)) return undefined;
  const files = sources.flatMap((source) => {
    const levels = levelHeadings(parseMarkdown(source.text).children, prose);
    return levels ? [`${source.file}: ${levels.join(' → ')}`] : [];
  });
  return files.length > 0 ? `several levels in one file, a "##" heading per level with "###" sections, each level building on the one above it: ${files.join('; ')}` : undefined;
}

/**
 * The titles of a file's `##` headings when there are two or more and each holds a `###` section with list
 * items; else undefined. With `prose`, paragraphs count as items, but only under headings that read as
 * levels ("Engineer II", "Senior"): a prose role's `## Leadership` with `###` subsections is no level.
 */
function levelHeadings(nodes: RootContent[], prose: boolean): string[] | undefined {
  const levels: { title: string; sections: number; lists: number }[] = [];
  for (const node of nodes) {
    const level = levels.at(-1);
    if (node.type === 'heading' && node.depth === 2) levels.push({ title: textOf(node as Heading).trim(), sections: 0, lists: 0 });
    else if (node.type === 'heading' && node.depth === 3 && level) level.sections++;
    else if ((node.type === 'list' || (prose && node.type === 'paragraph')) && level && level.sections > 0) level.lists++;
  }
  const named = !prose || levels.every((level) => LEVEL_NAME.test(level.title));
  return levels.length >= 2 && named && levels.every((level) => level.sections > 0 && level.lists > 0) ? levels.map((level) => level.title) : undefined;
}

/** Names that read as levels: seniority words, job titles, or a level number ("L3", "II", "Level 2"). */
const LEVEL_NAME = /\b(?:intern|junior|associate|mid|intermediate|senior|staff|principal|distinguished|fellow|lead|head|director|manager|vp|engineer|developer|analyst|designer|scientist|architect|level|grade|tier|band|[ivx]{1,4}|[lep]\d{1,2}|ic\d{1,2}|\d{1,2})\b/i;

/**
 * The bold-list form of several levels in one file: a list whose top items open with a bold name that
 * reads as a level (`* **Junior Engineer**`, `1. **Senior**: …`), the expectations nested under them.
 * A list of bold labels that are no levels (`* **Mentoring**`) is a role's subsections, not this.
 * Returns what was seen, "backend.md: Junior → Senior", or undefined.
 */
export function boldListShape(roles: ParsedRole[], sources: SourceFile[]): string | undefined {
  if (roles.some((role) => role.parent !== null)) return undefined;
  const files = sources.flatMap((source) => {
    const { body } = splitFrontMatter(source.text.replace(/\r\n?/g, '\n'));
    const lists = parseMarkdown(body).children.filter((node): node is List => node.type === 'list' && isBoldLevelList(body, node));
    const leads = lists.flatMap((list) => list.children.map((item) => item.children[0]));
    const names = leads.flatMap((lead) => (lead?.type === 'paragraph' ? (boldLead(body, lead)?.name ?? []) : []));
    return names.length >= 2 && names.every((name) => LEVEL_NAME.test(name)) ? [`${source.file}: ${names.join(' → ')}`] : [];
  });
  return files.length > 0 ? `several levels in one file, a bold list item per level with the expectations nested under it, each level building on the one above it: ${files.join('; ')}` : undefined;
}
