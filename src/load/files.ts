import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

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
  /** Entries passed over for a reason worth telling the user (links out of the ladder, unreadable folders). */
  skipped: { file: string; reason: string }[];
}

/**
 * Lists the Markdown files under `root` that may be roles. Iterative (no recursion limit), follows a
 * symbolic link only when its target stays inside the ladder, and visits each real folder once so a
 * link loop cannot run forever.
 */
export function listRoleFiles(root: string): WalkResult {
  const realRoot = realpathSync(root);
  const files: LadderFileRef[] = [];
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
      else if (isFile && isCandidate(entry.name)) files.push({ path, file: toLadderPath(root, path) });
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, skipped };
}

/**
 * Whether a `/`-separated path relative to the ladder folder is one `listRoleFiles` would read: the rule
 * shared with the loader that reads a git revision, where there is no folder to walk.
 */
export function isRoleFilePath(file: string): boolean {
  const parts = file.split('/');
  return !parts.some(isSkippedEntry) && isCandidate(parts.at(-1)!);
}

/** Files and folders never looked into: hidden ones and installed packages. */
function isSkippedEntry(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isCandidate(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !NOT_ROLES.test(basename(name));
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
  return relative(root, path).split(sep).join('/');
}
