import { readFileSync, realpathSync } from 'node:fs';
import { quoted } from '../errors.js';
import type { LadderConfig, LadderFormat } from '../schema/config.js';
import type { MarkdownLink, ParsedRole, Problem, RolePlace } from '../schema/parsed.js';
import { CONFIG_FILE, configLineOf } from './config.js';
import { listRoleFiles, type LadderFileRef, type WalkResult } from './files.js';
import { contentHash } from './hash.js';
import { ParseCache, type ParseCacheOptions } from './parse-cache.js';
import type { ParsedFile, ParseOptions } from './parse-file.js';
import { dataLadderOf } from './readers/data-ladder-settings.js';
import { frontMatterLevelsOf } from './readers/front-matter-levels-settings.js';
import { levelsInFileOf } from './readers/levels-in-file-settings.js';
import { matrixOf } from './readers/matrix-settings.js';
import { proseOf } from './readers/prose-settings.js';
import { skillFilesOf } from './readers/skill-files-settings.js';

/** A Markdown file of the ladder as read from disk, by name and the roles it holds: all an outline load keeps. */
export interface LadderFileName {
  file: string;
  path: string;
  /** The roles it holds (several when a file keeps several levels), if it holds any. */
  roleIds?: string[];
  /** Its roles were read from YAML or JSON data: lint reports on it but `--fix` never rewrites it. */
  readAsData?: true;
}

/** A file with what it links to, for link checks. */
export interface LadderFile extends LadderFileName {
  /** Its links and the anchors `#…` may point at, for link checking. */
  links: MarkdownLink[];
  anchors: string[];
}

/** A file with its text, kept for rules that look at raw lines: only when the load asked for texts. */
export interface SourceFile extends LadderFile {
  /** Decoded text, BOM removed, line endings as in the file. */
  text: string;
}

/**
 * What was loaded; `S` is `SourceFile` when texts were asked for (`LoadOptions.texts`), else files without
 * them; an outline load (`LoadOptions.outline`) has `RolePlace` roles, without expectations, and files
 * without links.
 */
export interface LoadedLadder<S extends LadderFileName = LadderFile, R extends RolePlace = ParsedRole> {
  root: string;
  roles: R[];
  sources: S[];
  /** README, CHANGELOG and the like, when asked for (`LoadOptions.documents`): never roles, read for their links. */
  documents?: S[];
  /** What the loader could not use: every entry names a file and line. */
  problems: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadOptions {
  /** Reuse parses of unchanged files from an earlier run. */
  cache?: ParseCacheOptions;
  /** `ladder.yaml`: which files are not roles, and how roles name their parents. */
  config?: Pick<LadderConfig, 'ignore' | 'inherits' | 'format'>;
  /** Read the Markdown files that are not roles too (lint checks their links); other commands skip them. */
  documents?: boolean;
  /**
   * Told after each parsed file how many of those not in the cache are done, and how many there are at most
   * (exact once every file is read: files are read as the parser needs them): the caller may show progress.
   */
  progress?: (parsed: number, total: number) => void;
  /** Keep every file's text (`sources[].text`), for commands that read raw lines; others let texts go once parsed. */
  texts?: boolean;
  /**
   * Keep roles without their expectations (`RolePlace`) and files without their links, once the cache has
   * them whole: for commands that only place roles in the ladder, as `list`. Expectations are most of what a
   * large ladder holds.
   */
  outline?: boolean;
}

/** Reads every role file under `root`. Never throws for a bad file: it becomes a problem and the rest loads. */
export async function loadLadder(root: string, options: LoadOptions & { texts: true; outline?: false }): Promise<LoadedLadder<SourceFile>>;
export async function loadLadder(root: string, options: LoadOptions & { outline: true }): Promise<LoadedLadder<LadderFileName, RolePlace>>;
export async function loadLadder(root: string, options?: LoadOptions & { outline?: false }): Promise<LoadedLadder>;
export async function loadLadder(root: string, options?: LoadOptions): Promise<LoadedLadder<LadderFileName, RolePlace>>;
export async function loadLadder(root: string, options: LoadOptions = {}): Promise<LoadedLadder<LadderFileName, RolePlace>> {
  const walked = await dataFilesAsRoles(listRoleFiles(root), options.config?.format);
  const files = await notIgnored(walked.files, options.config?.ignore);
  const documents = options.documents ? await notIgnored(walked.documents, options.config?.ignore) : [];
  const ladder: LoadedLadder<LadderFileName, RolePlace> = { root, roles: [], sources: [], problems: [], ...(options.documents ? { documents: [] } : {}) };
  for (const { file, reason } of await notIgnored(walked.skipped, options.config?.ignore)) ladder.problems.push({ code: 'unreadable', message: reason, file, line: 0, column: 0 });
  const inheritPatterns = options.config?.inherits?.patterns ?? [];
  const readOptions = parseOptionsOf(options.config);
  // Parses depend on the phrasings and the reader in use: a cache written under others is not reused.
  const cache = options.cache ? new ParseCache(realpathSync(root), options.cache, cacheVariant(readOptions)) : undefined;
  const refs = [...files, ...documents.map((ref) => ({ ...ref, document: true }))];
  // New parses go to the cache's temporary file as they come: a load that fails must not leave it behind.
  try {
    const read = await readAndParse(refs, ladder.problems, cache, readOptions, options);
    for (const entry of read) {
      if (entry?.document) ladder.documents!.push(sourceOf(entry, entry.parsed!));
      else if (entry) addFile(ladder, entry, entry.parsed!);
    }
    // Skill files are merged by their sections, so their roles are never outlines (see `placed`).
    await mergeSkillLevels(ladder as LoadedLadder, readOptions);
    ladder.problems.push(...unusedPatterns(root, inheritPatterns, read), ...(await unmatchedDataGlobs(root, options.config?.format, walked.data)));
  } catch (error) {
    cache?.abandon();
    throw error;
  }
  cache?.save();
  return ladder;
}

/**
 * Reads each file as the parser is ready for it, and lets its text go once parsed unless texts were asked
 * for: a large ladder's texts are never all held at once. Entries stay in the files' order.
 */
async function readAndParse(refs: (LadderFileRef & { document?: boolean })[], problems: Problem[], cache: ParseCache | undefined, readOptions: ParseOptions, options: LoadOptions): Promise<(ReadFile | undefined)[]> {
  const read: (ReadFile | undefined)[] = [];
  let notToParse = 0;
  // What is kept of a parsed file: its text only if asked for, its roles whole unless outlines were.
  const keep = (entry: ReadFile, parsed: ParsedFile) => {
    // Set to undefined rather than deleted: V8 slows objects that lose a property to dictionary mode.
    if (!options.texts) entry.text = undefined;
    entry.hash = undefined;
    entry.parsed = options.outline && !readOptions.skillFiles ? placed(parsed) : parsed;
  };
  function* misses(): Generator<ReadFile & { text: string }> {
    for (const ref of refs) {
      // A document that cannot be read is no defect of the ladder: it is only left unchecked.
      const entry = readRoleFile(ref, ref.document ? [] : problems, cache !== undefined);
      read.push(entry);
      const cached = entry && cache?.get(entry.file, entry.hash!);
      if (entry && !cached) yield entry as ReadFile & { text: string };
      else {
        notToParse++;
        if (entry && cached) keep(entry, cached);
      }
    }
  }
  const { parseEach } = await import('./parse-pool.js');
  const progress = options.progress && ((done: number) => options.progress!(done, refs.length - notToParse));
  await parseEach(misses(), readOptions, (entry, parsed) => {
    cache?.set(entry.file, entry.hash!, parsed);
    keep(entry, parsed);
  }, progress);
  return read;
}

/** A parse without its roles' expectations or its links: placing roles in the ladder needs neither. */
function placed({ links, anchors, ...parsed }: ParsedFile): ParsedRead {
  return { ...parsed, roles: parsed.roles.map(({ sections, strayExpectations, ...place }) => place) };
}

/** How `ladder.yaml` asks for files to be read: the parent-line phrasings, and the reader (`format:`). */
export function parseOptionsOf(config: LoadOptions['config']): ParseOptions {
  const levelsInFile = levelsInFileOf(config?.format);
  const matrix = matrixOf(config?.format);
  const skillFiles = skillFilesOf(config?.format);
  const frontMatterLevels = frontMatterLevelsOf(config?.format);
  const dataLadder = dataLadderOf(config?.format);
  return {
    inheritPatterns: config?.inherits?.patterns ?? [],
    ...(levelsInFile ? { levelsInFile } : {}),
    ...(matrix ? { matrix } : {}),
    ...(skillFiles ? { skillFiles } : {}),
    ...(frontMatterLevels ? { frontMatterLevels } : {}),
    ...(dataLadder ? { dataLadder } : {}),
    ...(proseOf(config?.format) ? { prose: true } : {}),
  };
}

/**
 * For a ladder kept as data (`reader: data`), the role files are the YAML and JSON files its `files:` globs
 * name, and its Markdown files are documents beside them (read for their links); other readers read Markdown.
 */
async function dataFilesAsRoles(walked: WalkResult, format: LadderFormat | undefined): Promise<WalkResult> {
  const data = dataLadderOf(format);
  if (!data) return walked;
  return { ...walked, files: await matching(walked.data, data.files), documents: [...walked.files, ...walked.documents].sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

/** The files some glob matches; picomatch loads only when there are globs. */
export async function matching<T extends { file: string }>(files: T[], globs: string[]): Promise<T[]> {
  const { default: picomatch } = await import('picomatch');
  const wanted = picomatch(globs, { dot: true });
  return files.filter((ref) => wanted(ref.file));
}

/** A `files:` glob of a data ladder that names no YAML or JSON file would leave its levels out without a word. */
async function unmatchedDataGlobs(root: string, format: LadderFormat | undefined, data: LadderFileRef[]): Promise<Problem[]> {
  const globs = dataLadderOf(format)?.files ?? [];
  const unmatched = [];
  for (const glob of globs) if ((await matching(data, [glob])).length === 0) unmatched.push(glob);
  return unmatched.map((glob) => ({
    code: 'data',
    message: `"format: files:" glob ${quoted(glob)} matches no .yaml, .yml or .json file of the ladder; write the path relative to the ladder folder, or remove it`,
    file: CONFIG_FILE,
    line: configLineOf(root, glob),
    column: 1,
  }));
}

/** What besides the bytes changes a parse, as the cache keys it. */
function cacheVariant(options: ParseOptions): string {
  const patterns = (options.inheritPatterns ?? []).join('\n');
  const readers = [
    options.levelsInFile ? `\nlevels-in-one-file:${JSON.stringify(options.levelsInFile)}` : '',
    options.matrix ? `\nmatrix:${JSON.stringify(options.matrix)}` : '',
    options.skillFiles ? `\nskill-files:${JSON.stringify(options.skillFiles)}` : '',
    options.frontMatterLevels ? `\nfront-matter-levels:${JSON.stringify(options.frontMatterLevels)}` : '',
    options.dataLadder ? `\ndata:${JSON.stringify(options.dataLadder)}` : '',
    options.prose ? '\nprose' : '',
  ];
  return patterns + readers.join('');
}

/** Skill files (`format: skill-files`) each hold a part of every level: make one role of each level. */
export async function mergeSkillLevels(ladder: LoadedLadder, options: ParseOptions): Promise<void> {
  if (!options.skillFiles) return;
  const { mergeLevels } = await import('./readers/skill-files.js');
  const merged = mergeLevels(ladder.roles, options.skillFiles);
  ladder.roles = merged.roles;
  ladder.problems.push(...merged.problems);
}

/** A `ladder.yaml` inheritance pattern that reads no role's parent line is a typo or a leftover: say so. */
function unusedPatterns(root: string, patterns: string[], read: (ReadFile | undefined)[]): Problem[] {
  const used = new Set(read.map((entry) => entry?.parsed?.inheritPattern));
  return patterns
    .filter((pattern) => !used.has(pattern))
    .map((pattern) => ({
      code: 'unused-inherits-pattern',
      message: `inheritance pattern ${quoted(pattern)} reads no role's parent line; write it as the line reads (case, emphasis, commas and final dots do not matter) or remove it`,
      file: CONFIG_FILE,
      line: configLineOf(root, pattern),
      column: 1,
    }));
}

/** Drops the files `ladder.yaml` says are not roles; picomatch loads only when there are globs. */
export async function notIgnored<T extends { file: string }>(files: T[], globs: string[] = []): Promise<T[]> {
  if (globs.length === 0) return files;
  const { default: picomatch } = await import('picomatch');
  const ignored = picomatch(globs, { dot: true });
  return files.filter((ref) => !ignored(ref.file));
}

interface ReadFile extends LadderFileRef {
  /** Gone once parsed, unless the load keeps texts. */
  text?: string;
  /** `contentHash` of the bytes read, when a cache will look the parse up by it. */
  hash?: string;
  document?: boolean;
  parsed?: ParsedRead;
}

/** A parse as the loader keeps it: whole, or its roles only placed and no links when the load asked for outlines. */
type ParsedRead = Omit<ParsedFile, 'roles' | 'links' | 'anchors'> & { roles: RolePlace[] } & Partial<Pick<ParsedFile, 'links' | 'anchors'>>;

/** Reads and decodes one file; a file that cannot be read or is not UTF-8 becomes a problem instead. */
function readRoleFile(ref: LadderFileRef, problems: Problem[], hashed: boolean): ReadFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(ref.path);
  } catch (error) {
    problems.push({ code: 'unreadable', message: `cannot read file (${(error as NodeJS.ErrnoException).code})`, file: ref.file, line: 0, column: 0 });
    return undefined;
  }
  const text = decode(bytes);
  if (typeof text !== 'string') {
    const message = `not UTF-8 text (invalid byte at offset ${text.offset}); save the file as UTF-8`;
    problems.push({ code: 'encoding', message, file: ref.file, line: text.line, column: 1 });
    return undefined;
  }
  return { ...ref, text, ...(hashed ? { hash: contentHash(bytes) } : {}) };
}

/** Adds a parsed file to the ladder: the one place that decides what of a file later stages see. */
export function addFile(ladder: LoadedLadder<LadderFileName, RolePlace>, source: LadderFileRef & { text?: string }, parsed: ParsedRead): void {
  ladder.problems.push(...parsed.problems);
  // A file the parser refused (too large or too deeply nested) is not handed to line-based rules or fixes either.
  if (parsed.problems.some((problem) => problem.code === 'unreadable')) return;
  ladder.sources.push(sourceOf(source, parsed));
  ladder.roles.push(...parsed.roles);
}

/** The file as later stages see it; with its text only when the load kept texts. */
function sourceOf(source: LadderFileRef & { text?: string }, parsed: ParsedRead): LadderFileName {
  const { file, path, text } = source;
  const data = parsed.readAsData ? { readAsData: true as const } : {};
  const links = parsed.links ? { links: parsed.links, anchors: parsed.anchors } : {};
  return { file, path, ...(text === undefined ? {} : { text }), ...(parsed.roles.length > 0 ? { roleIds: parsed.roles.map((role) => role.id) } : {}), ...links, ...data };
}

/** UTF-8 text without its BOM, or where the first invalid byte is. */
export function decode(bytes: Buffer): string | { offset: number; line: number } {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { offset, line };
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix (allowing a cut multi-byte sequence at the end).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
