import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LadderError } from '../errors.js';
import { CONFIG_FILE } from './config.js';
import { readFileHead } from './file-head.js';
import { isRoleFilePath } from './files.js';
import { splitFrontMatter } from './front-matter.js';

export interface LocateOptions {
  /** `--ladder`, if given. */
  flag?: string;
  /** `LADDER_DIR`, if set. */
  env?: string;
  cwd: string;
  /** The example ladder shipped with the tool. */
  bundled: string;
  /** `--example`: the bundled ladder, asked for by name. */
  example?: boolean;
  /**
   * Whether the bundled ladder stands in when no ladder is found. Commands that judge or change a ladder
   * (lint, init, health, changes) say no: a green check on the example would hide the missing ladder.
   */
  fallback?: boolean;
}

export interface LocatedLadder {
  root: string;
  how: 'flag' | 'env' | 'found' | 'example' | 'bundled';
  /** When the bundled ladder stands in for one not found: where the search began, and the one line that says so. */
  from?: string;
  note?: string;
}

/**
 * Picks the ladder folder: `--ladder`, `--example`, `LADDER_DIR`, else the one found upward from `cwd`
 * (see `findLadder`), else the one folder right below the repository's top that holds role files (an
 * error when several do), else the bundled example when the caller allows it; otherwise "no ladder found".
 */
export function locateLadder({ flag, env, cwd, bundled, example, fallback = true }: LocateOptions): LocatedLadder {
  if (flag) return { root: checkFolder(resolve(cwd, flag), '--ladder'), how: 'flag' };
  if (example) return { root: bundled, how: 'example' };
  if (env) return { root: checkFolder(resolve(cwd, env), 'LADDER_DIR'), how: 'env' };
  const start = resolve(cwd);
  const found = findLadder(start);
  if (found) return { root: found, how: 'found' };
  // Else the one folder right below the repository's top that holds role files (`career/<track>/`).
  const below = roleFoldersAtTop(upwardPath(start));
  if (below.length === 1) return { root: below[0]!, how: 'found' };
  // Picking one of several ladders, or showing the example instead of them, would be a guess.
  if (below.length > 1) {
    throw new LadderError(`cannot tell which ladder to read from ${start}: ${below.map((dir) => `${dir}/`).join(', ')} each hold role files; give --ladder <dir> or set LADDER_DIR`);
  }
  if (!fallback) {
    throw new LadderError(
      `no ladder found from ${start} (no ${CONFIG_FILE} above it, no role files around it); run it inside your ladder, give --ladder <dir> or set LADDER_DIR`,
    );
  }
  const note = `no ladder found from ${start}; showing the example ladder bundled with ladder — give --ladder <dir>`;
  return { root: bundled, how: 'bundled', from: start, note };
}

/** The folder named by `--ladder` or `LADDER_DIR`, when it is a folder ladder can read; else one clear error. */
function checkFolder(path: string, origin: string): string {
  const problem = (what: string) => new LadderError(`${path}: ${what} (from ${origin}); give the folder that holds your role files`);
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw problem(code === 'ENOENT' || code === 'ENOTDIR' ? 'ladder folder not found' : `ladder folder cannot be read (${code})`);
  }
  if (!stats.isDirectory()) throw problem('is a file, not a folder');
  try {
    readdirSync(path);
  } catch (error) {
    throw problem(`ladder folder cannot be read (${(error as NodeJS.ErrnoException).code}); check its permissions`);
  }
  return path;
}

/**
 * The ladder around `start`, without flags. First the nearest folder upward with a `ladder.yaml`, stopping
 * at the repository's top (the folder holding `.git`). Else a folder that holds role files: inside a
 * repository the nearest such folder up to its top, widened upward while the folder above holds role
 * files too (so a track folder such as `managers/` gives the whole ladder, and `docs/` the roles beside
 * it); outside one, only `start` itself, as nothing marks where a ladder ends there.
 */
export function findLadder(start: string): string | null {
  const path = upwardPath(start);
  const configured = path.find((dir) => existsSync(join(dir, CONFIG_FILE)));
  if (configured) return configured;
  const top = path.at(-1)!;
  const inRepository = existsSync(join(top, '.git'));
  // In a clone of this tool, the folders of role files are test fixtures, each a ladder of its own.
  const widen = !isToolCheckout(top);
  // The nearest folder that holds role files, then up while the folder above holds some too.
  let found: string | null = null;
  for (const dir of inRepository ? path : path.slice(0, 1)) {
    const here = ladderAt(dir);
    if (found !== null && (here === null || !widen)) break;
    found = here ?? found;
  }
  return found;
}

/**
 * The folders right below a repository's top that hold role files, in them or in their tracks (`career/`
 * with `career/engineering/*.md`): where `locateLadder` looks last, for a ladder kept a folder down. None
 * outside a repository, as nothing marks where a ladder ends there.
 */
function roleFoldersAtTop(path: string[]): string[] {
  const top = path.at(-1)!;
  if (!existsSync(join(top, '.git')) || isToolCheckout(top)) return [];
  return subfolders(top, readFolder(top)).filter((sub) => holdsRoleFiles(sub));
}

/** `start` and the folders above it, up to and including the repository's top, else the file system's. */
function upwardPath(start: string): string[] {
  const path = [start];
  for (let dir = start; !existsSync(join(dir, '.git')) && dirname(dir) !== dir; ) {
    dir = dirname(dir);
    path.push(dir);
  }
  return path;
}

/**
 * The ladder `dir` is the root of: its `ladder/` folder when a ladder.yaml marks it; `dir` when role files
 * lie in it or in its folders one level down (the tracks); else its `ladder/` folder when that holds them.
 * Never a checkout of this tool or the example inside one.
 */
function ladderAt(dir: string): string | null {
  if (isToolCheckout(dir)) return null;
  const nested = join(dir, 'ladder');
  if (existsSync(join(nested, CONFIG_FILE))) return nested;
  if (holdsRoleFiles(dir)) return dir;
  return !isToolCheckout(nested) && holdsRoleFiles(nested) ? nested : null;
}

/** Whether `dir` is a clone or install of this tool: a package.json naming "career-ladder" with a `ladder` bin. */
export function isToolCheckout(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; bin?: unknown };
    return pkg.name === 'career-ladder' && typeof pkg.bin === 'object' && pkg.bin !== null && 'ladder' in pkg.bin;
  } catch {
    return false;
  }
}

/** Bounds on the look around: enough for any real ladder, and cheap in a huge tree that is no ladder. */
const FILES_PER_FOLDER = 40;
const FOLDERS_PER_FOLDER = 40;

/**
 * Whether role files lie in `dir` or in its folders up to `depth` levels down (one: the tracks): hidden
 * folders, node_modules, checkouts of this tool and folders with a ladder.yaml of their own (another
 * ladder) aside.
 */
export function holdsRoleFiles(dir: string, depth = 1): boolean {
  return anyFolderDown(dir, depth, hasRoleFile);
}

/**
 * The folders at the top of a ladder that hold Markdown but no role files down to three levels: a `docs/`
 * folder beside the tracks, whose pages are no roles even when they have a title. A folder without
 * Markdown (`images/`) needs no leaving out.
 */
export function foldersWithoutRoles(root: string): string[] {
  const hasMarkdown = (_dir: string, entries: Dirent[]) => entries.some((entry) => entry.name.toLowerCase().endsWith('.md'));
  return subfolders(root, readFolder(root))
    .filter((sub) => anyFolderDown(sub, 3, hasMarkdown) && !holdsRoleFiles(sub, 3))
    .map((sub) => basename(sub));
}

/** Whether `test` holds for `dir` or for one of its folders up to `depth` levels down (as `subfolders` picks them). */
function anyFolderDown(dir: string, depth: number, test: (dir: string, entries: Dirent[]) => boolean): boolean {
  const entries = readFolder(dir);
  if (test(dir, entries)) return true;
  return depth > 0 && subfolders(dir, entries).some((sub) => anyFolderDown(sub, depth - 1, test));
}

function subfolders(dir: string, entries: Dirent[]): string[] {
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .slice(0, FOLDERS_PER_FOLDER)
    .map((entry) => join(dir, entry.name))
    .filter((sub) => !isToolCheckout(sub) && !existsSync(join(sub, CONFIG_FILE)));
}

function readFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function hasRoleFile(dir: string, entries: Dirent[]): boolean {
  const candidates = entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isRoleFilePath(entry.name)).slice(0, FILES_PER_FOLDER);
  const titled: string[] = [];
  // One role file settles it: the rest of the folder is not read.
  for (const entry of candidates) {
    const head = readFileHead(join(dir, entry.name)).replace(/\r\n?/g, '\n');
    if (looksLikeRole(head)) return true;
    if (hasTitle(head)) titled.push(head);
  }
  return sharesSections(titled);
}

/**
 * Level files written without parent lines (`L1.md`, `L2.md`): two titled files or more whose sections with
 * list items share a heading ("## Impact" in each), as the levels of one ladder do and docs pages rarely.
 */
function sharesSections(heads: string[]): boolean {
  const seen = new Set<string>();
  for (const head of heads) {
    const headings = new Set([...head.matchAll(SECTION_HEADINGS)].map((match) => match[1]!.trim().toLowerCase()));
    for (const heading of headings) if (seen.has(heading)) return true;
    for (const heading of headings) seen.add(heading);
  }
  return false;
}

/** A title line, and a parent line or a `###` section with list items: what a role has and a docs page rarely does. */
const TITLE = /^(?:#{1,2} +\S.*|[^\s#>*+-].*\n *(?:-{3,}|={3,}) *)$/m;
/** A line that opens with one of the built-in parent phrasings (see parent-line.ts), emphasis or a bracket before it. */
const PARENT_LINE = /^[ \t]*[(*_]{0,3}[ \t]*(?:inherits|same as|builds (?:on|upon)|everything (?:in|from)|(?:has )?performed the role of)\b/im;
const SECTION_WITH_ITEMS = /^### +\S.*\n(?:[ \t]*\n)*(?:[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+\S)/m;
const FRONT_MATTER_TITLE = /^title[ \t]*:[ \t]*\S/m;
/** A `##` or `###` heading with a list item under it; the heading's text is captured. */
const SECTION_HEADINGS = /^#{2,3} +(\S.*)\n(?:[ \t]*\n)*[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+\S/gm;

export function looksLikeRole(head: string): boolean {
  const text = head.replace(/\r\n?/g, '\n');
  return hasTitle(text) && (PARENT_LINE.test(text) || SECTION_WITH_ITEMS.test(text));
}

/** A title line, or a `title:` in front matter, as static-site pages give their title. */
function hasTitle(head: string): boolean {
  return TITLE.test(head) || FRONT_MATTER_TITLE.test(splitFrontMatter(head).yaml ?? '');
}
