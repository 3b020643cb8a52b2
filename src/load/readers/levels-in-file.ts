import type { Heading } from 'mdast';
import type { LadderFormat } from '../../schema/config.js';
import type { ParsedRole } from '../../schema/parsed.js';
import { fileRoleId } from '../../text/role-id.js';
import { slug } from '../../text/slug.js';
import { textOf } from '../mdast-text.js';
import { outlineRole, parseMarkdown, toParsedRole, type OutlineOptions, type RoleOutline } from '../parse-role.js';

/**
 * The reader for ladders that keep several levels in one file (`format: levels-in-one-file`): a sibling of
 * the default reader, src/load/parse-role.ts, which reads one role per file. A file is one track (named
 * after the file); each heading at `levelHeading` depth is a level, the headings one deeper its sections.
 */
export interface LevelsInFile {
  levelHeading: 2 | 3;
  inherit: 'previous' | 'none';
}

/** The reader settings `ladder.yaml` asks for, or undefined for the default reader. */
export function levelsInFileOf(format: LadderFormat | undefined): LevelsInFile | undefined {
  if (format === undefined || format === 'role-per-file') return undefined;
  if (format !== 'levels-in-one-file' && (typeof format === 'string' || format.reader !== 'levels-in-one-file')) return undefined;
  const { levelHeading = 2, inherit = 'previous' } = format === 'levels-in-one-file' ? {} : format;
  return { levelHeading, inherit };
}

/** A level's role with the outline the default reader made of it, for the problems it noted. */
export interface LevelRole {
  role: ParsedRole;
  outline: RoleOutline;
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

function levelId(fileId: string, title: string): string {
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
