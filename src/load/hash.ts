import { createHash } from 'node:crypto';

/**
 * What a file's bytes are, for telling whether it changed: a size and a modification time can both stay
 * the same across an edit (`touch -r`, `cp -p`, unpacking an archive, two files swapped by renaming), its
 * content cannot. SHA-256, since 32 bits of FNV would let one edit in four billion go unseen.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
