import { closeSync, openSync, readSync } from 'node:fs';

/** The start of a file is enough to see front matter, a title, a parent line and a first section. */
const HEAD_BYTES = 4096;

/**
 * The first 4 KB (or `bytes`) of a file as text, its byte order mark dropped; '' when it cannot be read. For the cheap
 * looks that never need a whole role: finding the ladder, and naming roles for completion.
 */
export function readFileHead(path: string, bytes = HEAD_BYTES): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0)).replace(/^\uFEFF/, '');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
