import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LadderError } from '../errors.js';

/** Temp files still open: removed if the process is interrupted, so an aborted run leaves nothing behind. */
const pending = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const cleanup = () => {
    for (const path of pending) rmSync(path, { force: true });
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
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
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

/** The permission bits of an existing file, or undefined when there is none yet. */
function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}
