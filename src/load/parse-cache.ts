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

/** Tells apart the temporary files of several caches open at once in one process. */
let opened = 0;

/**
 * Parsed files keyed by path and a hash of their bytes, one cache file per ladder folder. Parsing
 * Markdown is most of the time of a `show`, and most runs see unchanged files; the bytes are read anyway,
 * and hashing them costs far less than parsing, while no edit, copy or rename can pass for unchanged.
 * A missing, corrupt or foreign cache is treated as empty; writes are atomic (temp + rename) so concurrent runs never see half
 * a file, and a failed write is ignored: the cache only ever saves time.
 */
export class ParseCache {
  private readonly path: string;
  private readonly temp: string;
  private readonly previous: Record<string, Entry>;
  /** Entries found unchanged, written out at `save()` if anything changed: they are held in `previous` anyway. */
  private readonly kept: Record<string, Entry> = {};
  /** Every file looked up or set, to tell whether one has gone since the cache was written. */
  private readonly seen = new Set<string>();
  /** New parses are written to the temporary file as they come, in pieces, and not held: see `set`. Closed once saved or failed. */
  private written: { fd: number; piece: string; first: boolean } | 'closed' | undefined;

  constructor(
    private readonly root: string,
    private readonly options: ParseCacheOptions,
    /** What else changes a parse (the inheritance phrasings of ladder.yaml): a cache from another is not reused. */
    private readonly variant = '',
  ) {
    this.path = join(options.dir, `${fnv1a(root)}.json`);
    this.temp = `${this.path}.${process.pid}-${++opened}.tmp`;
    this.previous = this.read();
  }

  get(file: string, hash: string): ParsedFile | undefined {
    const entry = this.previous[file];
    // An entry from before files could hold several roles has no `roles`: parse the file again.
    if (!entry || entry.hash !== hash || !Array.isArray(entry.roles)) return undefined;
    this.kept[file] = entry;
    this.seen.add(file);
    return entry;
  }

  /**
   * Writes a new parse to the temporary file at once, so the cache never holds every parse of a large
   * ladder until `save()`: the loader may keep less of it than the cache file does.
   */
  set(file: string, hash: string, parsed: ParsedFile): void {
    this.seen.add(file);
    this.append(file, { hash, ...parsed });
  }

  /** Renames the temporary file into place, if anything changed; a failed write leaves the cache as it was. */
  save(): void {
    const removed = Object.keys(this.previous).some((file) => !this.seen.has(file));
    if (this.written === undefined && !removed) return;
    for (const [file, entry] of Object.entries(this.kept)) this.append(file, entry);
    try {
      this.flush('}}');
      this.written = 'closed';
      renameSync(this.temp, this.path);
    } catch {
      this.abandon();
    }
  }

  /** Removes the temporary file, for a load that failed before `save()`. */
  abandon(): void {
    const written = this.written;
    this.written = 'closed';
    try {
      if (written !== undefined && written !== 'closed') closeSync(written.fd);
    } catch {
      // Already closed by the write that failed.
    }
    try {
      rmSync(this.temp, { force: true });
    } catch {
      // The folder itself is unusable: nothing was written, nothing to clean.
    }
  }

  /**
   * Adds one entry to the piece being written, writing it out at about a megabyte: one string of every
   * parse (31 MB for 10,000 roles, and twice that while built) would add to the peak memory of the run.
   */
  private append(file: string, entry: Entry): void {
    if (this.written === 'closed') return;
    try {
      this.written ??= this.open();
      this.written.piece += `${this.written.first ? '' : ','}${JSON.stringify(file)}:${JSON.stringify(entry)}`;
      this.written.first = false;
      if (this.written.piece.length >= PIECE) this.flush('');
    } catch {
      this.abandon();
    }
  }

  private open(): { fd: number; piece: string; first: boolean } {
    const header: Omit<CacheFile, 'entries'> = { version: this.options.version, root: this.root, variant: this.variant };
    mkdirSync(this.options.dir, { recursive: true });
    return { fd: openSync(this.temp, 'w'), piece: `${JSON.stringify(header).slice(0, -1)},"entries":{`, first: true };
  }

  /** Writes the piece so far and `end`; closes the file when `end` closes it. Throws if the write fails. */
  private flush(end: string): void {
    if (this.written === 'closed') throw new Error('cache file already closed');
    this.written ??= this.open();
    writeSync(this.written.fd, this.written.piece + end);
    this.written.piece = '';
    if (end) closeSync(this.written.fd);
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
