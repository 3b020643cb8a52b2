import {
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
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
 * The file-system calls a write makes, passed in so a test can make the disk fill up or a write come up
 * short without mocking node:fs for everything else.
 */
export interface WriteCalls {
  openSync: (path: string, flags: string, mode: number) => number;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  fstatSync: (fd: number) => { size: number };
  closeSync: (fd: number) => void;
  chmodSync: (path: string, mode: number) => void;
  chownSync: (path: string, uid: number, gid: number) => void;
  renameSync: (from: string, to: string) => void;
}

export const diskCalls: WriteCalls = { openSync, writeSync, fsyncSync, fstatSync, closeSync, chmodSync, chownSync, renameSync };

/**
 * Writes `content` to `path` so that readers see either the old file or the new one, never a part:
 * a temporary file in the same folder (same file system, so the rename is atomic), written whole, flushed
 * and measured, then renamed. A symbolic link stays a link: its target gets the new content. The
 * replacement keeps the original's mode, and its owner when running as root. A file this user may not or
 * should not replace (see `whyNotReplaceable`) is refused. Failure leaves the target untouched, byte for
 * byte, and no temporary file behind. `content` may be a stream of pieces (an export too large to hold as one
 * string): they are written as they come, in batches.
 */
export function writeFileAtomic(path: string, content: FileContent, calls: WriteCalls = diskCalls): void {
  const target = throughLinks(path);
  const folder = dirname(target);
  let folderStats;
  try {
    folderStats = statSync(folder);
  } catch {
    throw new LadderError(`${folder}: folder does not exist; create it first or choose another --out`);
  }
  if (!folderStats.isDirectory()) throw new LadderError(`${folder}: is not a folder`);
  const existing = statIfAny(target);
  if (existing?.isDirectory()) throw new LadderError(`${path}: is a folder; give a file name inside it`);
  const refusal = existing && whyNotReplaceable(target, existing);
  if (refusal) throw new LadderError(`${path}: not replaced: ${refusal}`);
  installCleanup();
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pending.add(temp);
  try {
    writeFlushed(temp, content, calls);
    if (existing) keepOwnership(temp, existing, calls);
    calls.renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    // Only the file system's failures are about the target; one from whatever makes the pieces is its own.
    if (error instanceof LadderError || (error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new LadderError(`${path}: cannot write (${errorCode(error)}); ${remedy(error, 'check the folder exists and is writable')}`);
  } finally {
    pending.delete(temp);
  }
  syncFolder(folder);
}

/**
 * Why a file must not be replaced, or undefined when it may be. Root may write anything, but a file
 * without a single write bit is a deliberate signal ("leave this alone"), so it is respected for everyone.
 * A file of another user is not replaced either unless running as root: the replacement would belong to
 * whoever ran ladder, and only root can hand it back.
 */
export function whyNotReplaceable(path: string, stats: Stats, uid = process.getuid?.()): string | undefined {
  if ((stats.mode & 0o222) === 0) return `it is read-only (mode ${(stats.mode & 0o7777).toString(8)}); make it writable (chmod u+w) if it should change`;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'you have no permission to write it; ask its owner, or make it writable for you';
  }
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    return `it belongs to another user (uid ${stats.uid}), and the rewritten file would belong to you; run ladder as its owner`;
  }
  return undefined;
}

/** The file a path names, following symbolic links; the path itself when nothing is there yet. */
function throughLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    if (lstatIfAny(path)?.isSymbolicLink()) throw new LadderError(`${path}: is a symbolic link to a file that does not exist; fix or remove the link`);
    return path;
  }
}

/** The replacement gets the original's permissions (a group-writable ladder stays group-writable), and as root its owner too. */
function keepOwnership(temp: string, original: Stats, calls: WriteCalls): void {
  calls.chmodSync(temp, original.mode & 0o7777);
  if (process.getuid?.() === 0) calls.chownSync(temp, original.uid, original.gid);
}

/** What a file is written from: text, bytes, or pieces of either. */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Pieces are gathered up to about this many bytes before a write: few system calls, little memory. */
const BATCH = 1 << 20;

/**
 * Creates `path` (never an existing file), writes every byte (a write may take fewer than asked, on a
 * nearly full disk for one), flushes it and reads its size back, so a rename after it publishes whole data.
 */
function writeFlushed(path: string, content: FileContent, calls: WriteCalls): void {
  const fd = calls.openSync(path, 'wx', 0o644);
  try {
    let total = 0;
    for (const bytes of batches(content)) total += writeAll(fd, bytes, total, calls);
    calls.fsyncSync(fd);
    const size = calls.fstatSync(fd).size;
    if (size !== total) throw new IncompleteWrite(size, total);
  } finally {
    calls.closeSync(fd);
  }
}

/** Writes all of `bytes`, going on from where a short write stopped; returns how many were written. */
function writeAll(fd: number, bytes: Uint8Array, before: number, calls: WriteCalls): number {
  let written = 0;
  while (written < bytes.length) {
    const count = calls.writeSync(fd, bytes, written, bytes.length - written);
    // A write that makes no progress would loop for ever.
    if (count <= 0) throw new IncompleteWrite(before + written, before + bytes.length);
    written += count;
  }
  return written;
}

function* batches(content: FileContent): Generator<Uint8Array> {
  if (typeof content === 'string') return yield Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return yield content;
  let text = '';
  let parts: Uint8Array[] = [];
  let size = 0;
  // Text is gathered as text and encoded once a batch; bytes join the batch as they are, in order.
  const encodeText = () => {
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    parts.push(bytes);
    size += bytes.length;
    text = '';
  };
  for (const piece of content) {
    if (typeof piece === 'string') {
      text += piece;
    } else {
      encodeText();
      parts.push(piece);
      size += piece.length;
    }
    if (size + text.length >= BATCH) {
      encodeText();
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  encodeText();
  yield Buffer.concat(parts, size);
}

/** Fewer bytes reached the file than were written to it, and the system did not say why. */
class IncompleteWrite extends Error {
  readonly code: string;
  constructor(written: number, expected: number) {
    super(`only ${written} of ${expected} bytes written`);
    this.code = this.message;
  }
}

/** Makes the rename itself durable. Some file systems cannot flush a folder; the data itself is flushed already. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // The rename happened; only its survival of a power cut is unconfirmed, which is no reason to fail.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What to do about a failed write: the disk's own reasons first, else `otherwise`. */
function remedy(error: unknown, otherwise: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || error instanceof IncompleteWrite) return 'the disk is full and nothing was changed; free some space and run again';
  if (code === 'EIO') return 'the disk failed and nothing was changed; check the disk and run again';
  return otherwise;
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
      writeFlushed(inTemp, content, diskCalls);
    }
    renameSync(temp, folder);
  } catch (error) {
    rmSync(temp, { force: true, recursive: true });
    throw new LadderError(`${folder}: cannot write (${errorCode(error)}); ${remedy(error, 'check the folder above it is writable')}`);
  } finally {
    pending.delete(temp);
  }
  syncFolder(parent);
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

/** The file or folder at `path`, following links; undefined when nothing is there. */
export function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** What is at `path` itself, a link not followed; undefined when nothing is there. */
export function lstatIfAny(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}
