import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Files that sit beside roles in real ladders but are never roles themselves. */
const NOT_ROLES = /^(readme|changelog|contributing|license|licence|code_of_conduct|security)(\..*)?$/i;

export interface LadderFileRef {
  /** Absolute path. */
  path: string;
  /** Relative to the ladder folder, `/`-separated: the form every message and output uses. */
  file: string;
}

export interface WalkResult {
  files: LadderFileRef[];
  /** Markdown files that are never roles (README, CHANGELOG…), for checking their links. */
  documents: LadderFileRef[];
  /** YAML and JSON files (ladder.yaml aside): roles only for a ladder kept as data, which names them in ladder.yaml. */
  data: LadderFileRef[];
  /** Entries passed over for a reason worth telling the user (links out of the ladder, unreadable folders). */
  skipped: { file: string; reason: string }[];
}

/**
 * Lists the Markdown files under `root` that may be roles, and apart from them the ones that never are
 * (README and the like). Iterative (no recursion limit), follows a
 * symbolic link only when its target stays inside the ladder, and visits each real folder once so a
 * link loop cannot run forever.
 */
export function listRoleFiles(root: string): WalkResult {
  const realRoot = realpathSync(root);
  const files: LadderFileRef[] = [];
  const documents: LadderFileRef[] = [];
  const data: LadderFileRef[] = [];
  const skipped: WalkResult['skipped'] = [];
  const seen = new Set<string>([realRoot]);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: toLadderPath(root, dir), reason: `cannot read folder (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSkippedEntry(entry.name)) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = followLink(path, realRoot);
        if (typeof target === 'string') {
          skipped.push({ file: toLadderPath(root, path), reason: target });
          continue;
        }
        isDir = target.isDir;
        isFile = !target.isDir;
        if (isDir && !markSeen(seen, path)) continue;
      } else if (isDir && !markSeen(seen, path)) {
        continue;
      }
      if (isDir) pending.push(path);
      else if (isFile && isMarkdown(entry.name)) (isCandidate(entry.name) ? files : documents).push({ path, file: toLadderPath(root, path) });
      else if (isFile && isDataFilePath(toLadderPath(root, path))) data.push({ path, file: toLadderPath(root, path) });
    }
  }
  const byPath = (a: LadderFileRef, b: LadderFileRef) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { files: files.sort(byPath), documents: documents.sort(byPath), data: data.sort(byPath), skipped };
}

/**
 * Whether a `/`-separated path relative to the ladder folder is one `listRoleFiles` would read: the rule
 * shared with the loader that reads a git revision, where there is no folder to walk.
 */
export function isRoleFilePath(file: string): boolean {
  const parts = file.split('/');
  return !parts.some(isSkippedEntry) && isCandidate(parts.at(-1)!);
}

/** Whether a path relative to the ladder folder is a YAML or JSON file a ladder kept as data may name (never ladder.yaml itself). */
export function isDataFilePath(file: string): boolean {
  return /\.(ya?ml|json)$/i.test(file) && file !== 'ladder.yaml' && !file.split('/').some(isSkippedEntry);
}

/** Whether a path relative to the ladder folder is a README or the like that `listRoleFiles` lists beside the roles. */
function isDocumentPath(file: string): boolean {
  const parts = file.split('/');
  return !parts.some(isSkippedEntry) && isMarkdown(parts.at(-1)!);
}

/** What a path named on the command line is to the ladder at `root`. */
export type NamedPath =
  /** A file the ladder reads, a role or a README beside them (`file` relative to the ladder, as in every finding): lint it. */
  | { kind: 'file'; file: string }
  /** Markdown never read (in a hidden folder): skip it without a word. */
  | { kind: 'beside' }
  /** Markdown outside the ladder (a docs page, the repository's README): not the ladder's to lint; skip it with a note. */
  | { kind: 'outside' }
  /** Anything else: skip it, and tell the user why. */
  | { kind: 'unusable'; reason: string };

/**
 * Places `given`, a path relative to `cwd`, in the ladder at `root`. A commit hook passes every changed
 * Markdown file of the repository, so Markdown outside the ladder (a docs page, a README) is expected and
 * passed over, a .github/ template quietly (a README inside the ladder is linted for its links); a missing
 * file or a file that is not Markdown is worth a warning.
 */
export function namedPath(root: string, cwd: string, given: string): NamedPath {
  const path = resolve(cwd, given);
  let isFile;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return { kind: 'unusable', reason: 'no such file; skipped' };
  }
  if (!isFile) return { kind: 'unusable', reason: 'not a file; skipped (name role files, or none to lint the whole ladder)' };
  const file = pathInLadder(root, path);
  // Outside the ladder, the ladder's naming rules apply to the path below the current folder.
  const name = file ?? toSlashes(relative(cwd, path)).replace(/^(\.\.\/)+/, '');
  if (!isRoleFilePath(name)) {
    if (file !== null && isDocumentPath(file)) return { kind: 'file', file };
    if (!isMarkdown(name)) return { kind: 'unusable', reason: 'not a Markdown file, so not a role; skipped' };
    return file === null && !name.split('/').some(isSkippedEntry) ? { kind: 'outside' } : { kind: 'beside' };
  }
  if (file === null) return { kind: 'outside' };
  return { kind: 'file', file };
}

/** `path` relative to the ladder as the walk names it, else through real paths (a linked ladder folder), else null. */
function pathInLadder(root: string, path: string): string | null {
  const lexical = relative(root, path);
  if (isInside(lexical)) return toSlashes(lexical);
  const real = relative(realpathSync(root), join(realpathSync(dirname(path)), basename(path)));
  return isInside(real) ? toSlashes(real) : null;
}

function isInside(relativePath: string): boolean {
  return relativePath !== '' && relativePath !== '..' && !relativePath.startsWith(`..${sep}`) && !isAbsolute(relativePath);
}

/** Files and folders never looked into: hidden ones and installed packages. */
function isSkippedEntry(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isMarkdown(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

function isCandidate(name: string): boolean {
  return isMarkdown(name) && !NOT_ROLES.test(basename(name));
}

function markSeen(seen: Set<string>, path: string): boolean {
  const real = realpathSync(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/** Returns what the link points at, or why it is not followed. */
function followLink(path: string, realRoot: string): { isDir: boolean } | string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'broken or looping symbolic link';
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return 'symbolic link to a place outside the ladder, not followed';
  return { isDir: statSync(real).isDirectory() };
}

function toLadderPath(root: string, path: string): string {
  return toSlashes(relative(root, path));
}

function toSlashes(relativePath: string): string {
  return relativePath.split(sep).join('/');
}
