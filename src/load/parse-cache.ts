import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../text/hash.js';
import type { ParsedFile } from './parse-file.js';

export interface ParseCacheOptions {
  /** Folder for cache files (the OS cache folder, chosen by the entry point). */
  dir: string;
  /** The tool's version: a new version may parse differently, so it never reads an older cache. */
  version: string;
}

interface Entry extends ParsedFile {
  /** `contentHash` of the bytes the parse was made from. */
  hash: string;
}

/** About how many characters of the cache file are written at a time. */
const PIECE = 1 << 20;

interface CacheFile {
  version: string;
  root: string;
  variant: string;
  entries: Record<string, Entry>;
}

/**
 * Parsed files keyed by path and a hash of their bytes, one cache file per ladder folder. Parsing
 * Markdown is most of the time of a `show`, and most runs see unchanged files; the bytes are read anyway,
 * and hashing them costs far less than parsing, while no edit, copy or rename can pass for unchanged.
 * A missing, corrupt or foreign cache is treated as empty; writes are atomic (temp + rename) so concurrent runs never see half
 * a file, and a failed write is ignored: the cache only ever saves time.
 */
export class ParseCache {
  private readonly path: string;
  private readonly previous: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  private changed = false;

  constructor(
    private readonly root: string,
    private readonly options: ParseCacheOptions,
    /** What else changes a parse (the inheritance phrasings of ladder.yaml): a cache from another is not reused. */
    private readonly variant = '',
  ) {
    this.path = join(options.dir, `${fnv1a(root)}.json`);
    this.previous = this.read();
  }

  get(file: string, hash: string): ParsedFile | undefined {
    const entry = this.previous[file];
    // An entry from before files could hold several roles has no `roles`: parse the file again.
    if (!entry || entry.hash !== hash || !Array.isArray(entry.roles)) return undefined;
    this.next[file] = entry;
    return entry;
  }

  set(file: string, hash: string, parsed: ParsedFile): void {
    this.next[file] = { hash, ...parsed };
    this.changed = true;
  }

  save(): void {
    const removed = Object.keys(this.previous).some((file) => !(file in this.next));
    if (!this.changed && !removed) return;
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      mkdirSync(this.options.dir, { recursive: true });
      this.write(temp);
      renameSync(temp, this.path);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder itself is unusable: nothing was written, nothing to clean.
      }
    }
  }

  /**
   * Writes the cache file entry by entry, in pieces of about a megabyte: one string of every parse (31 MB
   * for 10,000 roles, and twice that while built) would add to the peak memory of the run that saves it.
   */
  private write(path: string): void {
    const header: Omit<CacheFile, 'entries'> = { version: this.options.version, root: this.root, variant: this.variant };
    const fd = openSync(path, 'w');
    try {
      let piece = `${JSON.stringify(header).slice(0, -1)},"entries":{`;
      let first = true;
      for (const [file, entry] of Object.entries(this.next)) {
        piece += `${first ? '' : ','}${JSON.stringify(file)}:${JSON.stringify(entry)}`;
        first = false;
        if (piece.length >= PIECE) {
          writeSync(fd, piece);
          piece = '';
        }
      }
      writeSync(fd, `${piece}}}`);
    } finally {
      closeSync(fd);
    }
  }

  private read(): Record<string, Entry> {
    try {
      const cached = JSON.parse(readFileSync(this.path, 'utf8')) as CacheFile;
      const usable = cached.version === this.options.version && cached.root === this.root && cached.variant === this.variant && typeof cached.entries === 'object';
      return usable && cached.entries !== null ? cached.entries : {};
    } catch {
      return {};
    }
  }
}
