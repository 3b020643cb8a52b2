import type { ParsedRole, Problem } from '../schema/parsed.js';
import { readFrontMatter, splitFrontMatter, type SplitFrontMatter } from './front-matter.js';
import { linksAndAnchors, type LinksAndAnchors } from './markdown-links.js';
import { textOf } from './mdast-text.js';
import { overLimit } from './markdown-limits.js';
import type { DataLadder } from './readers/data-ladder-settings.js';
import type { FrontMatterLevels } from './readers/front-matter-levels-settings.js';
import { readLevels, type LevelsInFile } from './readers/levels-in-file.js';
import type { MatrixSettings } from './readers/matrix-settings.js';
import { readSkillFile } from './readers/skill-files.js';
import type { SkillFiles } from './readers/skill-files-settings.js';
import { outlineRole, parseMarkdown, toParsedRole, type OutlineOptions, type UnrecognisedParentLine } from './parse-role.js';

/**
 * What one file yields: its role (if it is one), what is wrong with it, and its links and anchors for
 * link checking. Plain data, so it can be cached.
 */
export interface ParsedFile extends LinksAndAnchors {
  /** The roles it holds: one with the default reader, one per level with `levels-in-one-file`, none if it is no role. */
  roles: ParsedRole[];
  problems: Problem[];
  /** The `ladder.yaml` inheritance pattern that read the role's parent line, so unused ones can be reported. */
  inheritPattern?: string;
  /** Its roles were read from YAML or JSON data, whose text `lint --fix` cannot map back to exact edits. */
  readAsData?: true;
}

/** How to read a file: the default reader's options, and which reader. */
export interface ParseOptions extends OutlineOptions {
  /** Read several levels per file (`format: levels-in-one-file`) instead of one role per file. */
  levelsInFile?: LevelsInFile;
  /** Read competency tables, a role per level (`format: matrix`). */
  matrix?: MatrixSettings;
  /** Read a skill per file, a heading per level (`format: skill-files`); the loader merges the levels. */
  skillFiles?: SkillFiles;
  /** Read levels from front matter topics (`format: front-matter-levels`). */
  frontMatterLevels?: FrontMatterLevels;
  /** Read the ladder from YAML or JSON records (`format: { reader: data }`); Markdown files are then documents. */
  dataLadder?: DataLadder;
}

/** One file to parse, as the loader read it. */
export interface ParseJob {
  file: string;
  text: string;
  /** A README or the like beside the roles: read for its links only. */
  document?: boolean;
}

const unparsed = { links: [], anchors: [] };

/** A role file, or a document beside the roles (a README) that is read only for its links. */
export function parseFile(job: ParseJob, options: ParseOptions = {}): Promise<ParsedFile> {
  return job.document ? Promise.resolve(parseDocumentFile(job.text)) : parseRoleFile(job.file, job.text, options);
}

/**
 * A README or CHANGELOG: only its links and anchors matter. One over the parser's limits (a long
 * changelog may well be) is not parsed and so not link-checked; it is not a role, so that is no defect.
 */
function parseDocumentFile(text: string): ParsedFile {
  const { body, unclosed } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  if (unclosed || overLimit(body)) return { roles: [], problems: [], ...unparsed };
  try {
    return { roles: [], problems: [], ...linksAndAnchors(parseMarkdown(body)) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { roles: [], problems: [], ...unparsed };
  }
}

/** Parses one decoded role file. This module pulls in remark, so it is imported only when a file must be parsed. */
export async function parseRoleFile(file: string, text: string, options: ParseOptions = {}): Promise<ParsedFile> {
  const problems: Problem[] = [];
  const normalized = text.replace(/\r\n?/g, '\n');
  const limit = overLimit(normalized);
  if (limit) {
    problems.push({ code: 'unreadable', message: limit.message, file, line: limit.line, column: 1 });
    return { roles: [], problems, ...unparsed };
  }
  if (options.dataLadder) {
    const { readDataLadder } = await import('./readers/data-ladder.js');
    return { ...(await readDataLadder(file, normalized, options.dataLadder)), ...unparsed, readAsData: true };
  }
  const split = splitFrontMatter(normalized);
  if (split.unclosed) {
    problems.push({ code: 'front-matter', message: 'front matter opened with "---" on line 1 is never closed; add a closing "---" line', file, line: 1, column: 1 });
    return { roles: [], problems, ...unparsed };
  }
  if (options.frontMatterLevels) return frontMatterLevelsOf(file, split, options.frontMatterLevels, problems);
  let frontMatter;
  if (split.yaml !== null) {
    const read = await readFrontMatter(split.yaml, file);
    problems.push(...read.problems);
    frontMatter = read.frontMatter;
  }
  if (options.levelsInFile) return levelsOf(file, split.body, options, problems);
  if (options.matrix) return matrixOf(file, split.body, options.matrix, problems);
  let outline;
  try {
    outline = outlineRole(split.body, { ...options, titleInFrontMatter: frontMatter?.title !== undefined || (options.skillFiles !== undefined && !skillTitled(split.body)) });
  } catch (error) {
    // Nesting the limits let through can still exhaust the parser's recursion: lose this file, not the run.
    if (!(error instanceof RangeError)) throw error;
    problems.push(tooDeep(file));
    return { roles: [], problems, ...unparsed };
  }
  if (options.skillFiles) return { roles: readSkillFile(file, outline, frontMatter?.title, problems), problems, links: outline.links, anchors: outline.anchors };
  const role = toParsedRole(outline, file, frontMatter);
  if (!role && (outline.parent || outline.sections.length > 0)) {
    problems.push({ code: 'missing-title', message: 'looks like a role but has no title; add a "Title" line underlined with "----" at the top', file, line: 1, column: 1 });
  }
  // Front matter `inherits:` names the parent instead, so a line the parser cannot read misleads no one.
  if (role && frontMatter?.inherits === undefined) problems.push(...outline.unrecognisedParentLines.map((found) => unrecognisedParentLine(file, found)));
  const inheritPattern = role?.parent && outline.parentPattern !== undefined ? { inheritPattern: outline.parentPattern } : {};
  return { roles: role ? [role] : [], problems, links: outline.links, anchors: outline.anchors, ...inheritPattern };
}

/** A file of several levels (`format: levels-in-one-file`): one role per level heading, each read like a role file. */
function levelsOf(file: string, body: string, options: ParseOptions, problems: Problem[]): ParsedFile {
  let levels;
  try {
    levels = readLevels(file, body, options.levelsInFile!, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push(tooDeep(file));
    return { roles: [], problems, ...unparsed };
  }
  for (const { outline } of levels) problems.push(...outline.unrecognisedParentLines.map((found) => unrecognisedParentLine(file, found)));
  const pattern = levels.find(({ outline }) => outline.parent && outline.parentPattern !== undefined)?.outline.parentPattern;
  return { roles: levels.map((level) => level.role), problems, ...linksAndAnchors(parseMarkdown(body)), ...(pattern !== undefined ? { inheritPattern: pattern } : {}) };
}

/** A competency matrix (`format: matrix`); the reader, and the GFM table parser with it, load only here. */
async function matrixOf(file: string, body: string, settings: MatrixSettings, problems: Problem[]): Promise<ParsedFile> {
  const { readMatrix } = await import('./readers/matrix.js');
  let read;
  try {
    read = readMatrix(file, body, settings);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push(tooDeep(file));
    return { roles: [], problems, ...unparsed };
  }
  return { roles: read.roles, problems: [...problems, ...read.problems], ...linksAndAnchors(parseMarkdown(body)) };
}

/** A skill file's title is its `#` heading; without one, its first `##` heading is a level, not the title. */
function skillTitled(body: string): boolean {
  return parseMarkdown(body).children.some((node) => node.type === 'heading' && node.depth === 1);
}

/** A file whose levels are data in its front matter (`format: front-matter-levels`); the body is read for its links only. */
async function frontMatterLevelsOf(file: string, split: SplitFrontMatter, settings: FrontMatterLevels, problems: Problem[]): Promise<ParsedFile> {
  const { readFrontMatterLevels } = await import('./readers/front-matter-levels.js');
  const read = await readFrontMatterLevels(file, split.yaml, settings);
  problems.push(...read.problems);
  let body;
  try {
    body = parseMarkdown(split.body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push(tooDeep(file));
    return { roles: read.roles, problems, ...unparsed, readAsData: true };
  }
  // Front matter with no description: the body's first paragraph (prose about the discipline) describes each level.
  const first = body.children.find((node) => node.type === 'paragraph');
  const prose = first ? { description: textOf(first).replace(/\s+/g, ' ').trim(), descriptionLine: first.position!.start.line } : undefined;
  const roles = prose ? read.roles.map((role) => (role.description ? role : { ...role, ...prose })) : read.roles;
  return { roles, problems, ...linksAndAnchors(body), readAsData: true };
}

function tooDeep(file: string): Problem {
  return { code: 'unreadable', message: 'too deeply nested for the Markdown parser; flatten its lists and quotes', file, line: 1, column: 1 };
}

/** What was found, the phrasings that work, and the `ladder.yaml` entry that would read the line. */
function unrecognisedParentLine(file: string, found: UnrecognisedParentLine): Problem {
  const yaml = found.pattern ? `, or add ${JSON.stringify(found.pattern)} to "inherits: patterns:" in ladder.yaml` : '';
  const message = `"${found.text}" reads like a parent line but no phrasing reads it, so the role inherits nothing; write "(Inherits the role expectations of <Parent>)" or "Same as <Parent>, but also..."${yaml}`;
  return { code: 'unrecognised-parent-line', message, file, line: found.line, column: found.column };
}
