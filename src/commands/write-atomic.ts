import { accessSync, chmodSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LadderError } from '../errors.js';

/** Temp files and folders still being written: removed if the process is interrupted, so an aborted run leaves nothing behind. */
const pending = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const cleanup = () => {
    for (const path of pending) rmSync(path, { force: true, recursive: true });
    pending.clear();
  };
  process.once('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Writes `content` to `path` so that readers see either the old file or the new one, never a part:
 * a temporary file in the same folder (same file system, so the rename is atomic), flushed, then renamed.
 * Failure leaves the target untouched and no temporary file behind.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const folder = dirname(path);
  let folderStats;
  try {
    folderStats = statSync(folder);
  } catch {
    throw new LadderError(`${folder}: folder does not exist; create it first or choose another --out`);
  }
  if (!folderStats.isDirectory()) throw new LadderError(`${folder}: is not a folder`);
  try {
    if (statSync(path).isDirectory()) throw new LadderError(`${path}: is a folder; give a file name inside it`);
  } catch (error) {
    if (error instanceof LadderError) throw error;
  }
  const mode = modeOf(path);
  installCleanup();
  const temp = join(folder, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(temp);
  try {
    writeFlushed(temp, content);
    // Replacing a file keeps its permissions (a group-writable ladder stays group-writable).
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new LadderError(`${path}: cannot write (${code}); check the folder exists and is writable`);
  } finally {
    pending.delete(temp);
  }
}

/** Creates `path` (never an existing file) and flushes it to disk, so a rename after it publishes whole data. */
function writeFlushed(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes several files into `folder` (paths relative to it, `/`-separated). A folder that does not exist yet
 * is built as a hidden sibling and renamed into place whole, so it appears complete or not at all; an existing
 * folder gets each file atomically and keeps its other files. Paths that would land outside `folder`, and
 * two files on one path, are refused before anything is written.
 */
export function writeFolderAtomic(folder: string, files: { path: string; content: string }[]): void {
  const targets = files.map((file) => ({ path: insideFolder(folder, file.path), content: file.content }));
  const seen = new Set<string>();
  for (const { path } of targets) {
    if (seen.has(path)) throw new LadderError(`${path}: two files would be written here; rename one of the roles`);
    seen.add(path);
  }
  const existing = statIfAny(folder);
  if (existing && !existing.isDirectory()) throw new LadderError(`${folder}: is a file; give a folder to write into`);
  if (existing) return writeIntoFolder(folder, targets);
  const parent = dirname(folder);
  if (!statIfAny(parent)?.isDirectory()) throw new LadderError(`${parent}: folder does not exist; create it first or choose another --out`);
  installCleanup();
  const temp = join(parent, `.${basename(folder)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(temp);
  try {
    mkdirSync(temp);
    for (const { path, content } of targets) {
      const inTemp = join(temp, relative(folder, path));
      mkdirSync(dirname(inTemp), { recursive: true });
      writeFlushed(inTemp, content);
    }
    renameSync(temp, folder);
  } catch (error) {
    rmSync(temp, { force: true, recursive: true });
    throw new LadderError(`${folder}: cannot write (${errorCode(error)}); check the folder above it is writable`);
  } finally {
    pending.delete(temp);
  }
}

/** An existing folder: refuse up front when it is not writable, so a failure does not leave it half updated. */
function writeIntoFolder(folder: string, targets: { path: string; content: string }[]): void {
  try {
    accessSync(folder, constants.W_OK);
    for (const { path } of targets) mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new LadderError(`${folder}: cannot write (${errorCode(error)}); check the folder is writable`);
  }
  for (const { path, content } of targets) writeFileAtomic(path, content);
}

/** Role ids are slugs, but a page name must never climb out of the folder it is written to. */
function insideFolder(folder: string, file: string): string {
  const path = resolve(folder, file);
  const within = relative(folder, path);
  if (within === '' || within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within)) {
    throw new LadderError(`${file}: would be written outside ${folder}; refusing`);
  }
  return path;
}

function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

/** The permission bits of an existing file, or undefined when there is none yet. */
function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}
