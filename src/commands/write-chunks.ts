import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LadderError } from '../errors.js';

/** Pieces are gathered up to this many characters before a write: few system calls, little memory. */
const BATCH = 1 << 20;

/**
 * `writeFileAtomic` for output too large to hold as one string: the pieces go into a temporary file in the
 * target's folder as they come, which is flushed and renamed over the target, so readers see the old file
 * or the whole new one. Failure leaves the target untouched and no temporary file behind.
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  const folder = dirname(path);
  if (!statIfAny(folder)?.isDirectory()) throw new LadderError(`${folder}: folder does not exist; create it first or choose another --out`);
  const existing = statIfAny(path);
  if (existing?.isDirectory()) throw new LadderError(`${path}: is a folder; give a file name inside it`);
  const temp = join(folder, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeBatches(fd, chunks);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Replacing a file keeps its permissions, as writeFileAtomic does.
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    // Only the file system's failures are about the target; one from whatever makes the pieces is its own.
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof LadderError || code === undefined) throw error;
    throw new LadderError(`${path}: cannot write (${code}); check the folder exists and is writable`);
  }
}

function writeBatches(fd: number, chunks: Iterable<string>): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) {
      writeAll(fd, Buffer.from(batch, 'utf8'));
      batch = '';
    }
  }
  writeAll(fd, Buffer.from(batch, 'utf8'));
}

/** writeSync may write less than asked (a full disk, a signal): go on from where it stopped. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

function statIfAny(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
