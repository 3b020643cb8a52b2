import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { readFileHead } from '../load/file-head.js';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { LadderError } from '../errors.js';
import type { ExportFile, ExportFormat } from '../format/exporters.js';
import { formatJson } from '../format/json.js';
import { lstatIfAny, statIfAny, writeFileAtomic, writeFolderAtomic } from '../write/write-atomic.js';

/** The file in a site folder listing the pages ladder wrote there: only those are ever replaced or removed. */
export const MANIFEST = '.ladder-export.json';

interface Manifest {
  generator: 'ladder';
  format: ExportFormat;
  pages: string[];
}

/**
 * Refuses `target` (a file or folder to export to) when it is, or would be, at or under the ladder folder,
 * through symbolic links too: pages there would replace role files, or be read as roles next time.
 */
export function refuseInsideLadder(target: string, ladderRoot: string, shown: string): void {
  const real = realPathOfAny(target);
  const root = realpathSync(ladderRoot);
  if (real === root || real.startsWith(root + sep)) {
    throw new LadderError(`${shown}: is inside the ladder folder ${ladderRoot}; export to a place outside it (--force does not change this)`);
  }
}

/** A file this size or smaller is read whole to judge it; a larger one (an export can run to gigabytes) by its opening. */
const WHOLE_FILE = 1 << 20;

/**
 * Refuses to replace an existing single-file export `target` that ladder did not write, unless `force`.
 * Ladder's own files are recognised by their content: JSON and YAML hold `{ version, generatedFrom, roles }`,
 * CSV starts with ladder's header row (`csvHeader`). An empty file holds nothing to lose.
 */
export async function refuseForeignFile(target: string, format: ExportFormat, csvHeader: string, shown: string, force: boolean): Promise<void> {
  if (force) return;
  const stats = statIfAny(target);
  // Nothing there, nothing in it, or a folder, which the writer refuses with its own message.
  if (!stats?.isFile() || stats.size === 0) return;
  const whole = stats.size <= WHOLE_FILE;
  const text = readFileHead(target, whole ? stats.size : WHOLE_FILE);
  if (text === '' || (await writtenByLadder(text, format, csvHeader, whole))) return;
  throw new LadderError(`${shown}: exists and was not written by ladder export; choose another --out, or add --force to replace it`);
}

/**
 * The file starts with ladder's header row, or with that of an earlier version, which had fewer columns at
 * the end (`examples` came after `id`): an export from before an upgrade is still ladder's to replace.
 */
function earlierCsvHeader(text: string, csvHeader: string): boolean {
  const [row] = text.split('\r\n', 1);
  const ours = csvHeader.split('\r\n', 1)[0]!;
  return row !== undefined && text.includes('\r\n') && row.split(',').length >= 8 && `${ours},`.startsWith(`${row},`);
}

/** How ladder's JSON export opens, however it was indented since: the fields before the first role. */
const JSON_OPENING = /^\{\s*"version"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"generatedFrom"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"roles"\s*:\s*\[/;

async function writtenByLadder(text: string, format: ExportFormat, csvHeader: string, whole: boolean): Promise<boolean> {
  if (format === 'csv') return earlierCsvHeader(text, csvHeader);
  if (!whole && format === 'json') return JSON_OPENING.test(text);
  // YAML's opening is its lines before `roles:`; read with an empty list in place of the roles.
  const cut = whole ? text.length : text.indexOf('\nroles:');
  if (cut < 0) return false;
  let data: unknown;
  try {
    data = format === 'yaml' ? (await import('yaml')).parse(whole ? text : `${text.slice(0, cut)}\nroles: []\n`) : JSON.parse(text);
  } catch {
    return false;
  }
  const fields = data as Record<string, unknown> | null;
  return typeof fields === 'object' && fields !== null && typeof fields.version === 'string' && typeof fields.generatedFrom === 'string' && Array.isArray(fields.roles);
}

/**
 * Writes a site export into `folder` and records its pages in the manifest. Replaces a page only when the
 * manifest lists it (or with `force`), and removes the pages of the last export that this one no longer
 * has (a role renamed or removed); any other file in the folder is left alone. Returns the removed pages.
 */
export function writeSite(folder: string, shown: string, pages: ExportFile[], format: ExportFormat, ladderRoot: string, force: boolean): string[] {
  for (const page of pages) refuseInsideLadder(join(folder, page.path), ladderRoot, join(shown, page.path));
  const manifest = (paths: string[]): ExportFile => ({ path: MANIFEST, content: formatJson({ generator: 'ladder', format, pages: paths } satisfies Manifest) });
  const written = pages.map((page) => page.path);
  if (!statIfAny(folder)?.isDirectory()) {
    writeFolderAtomic(folder, [...pages, manifest(written)]);
    return [];
  }
  const before = readManifest(folder, shown, force);
  if (!force) refuseForeignPages(folder, shown, written, before);
  // Listed first, so that whatever happens next, every page ladder may have written is in the manifest.
  const both = [...new Set([...before, ...written])];
  writeFileAtomic(join(folder, MANIFEST), manifest(both).content);
  writeFolderAtomic(folder, pages);
  const stale = before.filter((path) => !written.includes(path) && removePage(join(folder, path)));
  writeFileAtomic(join(folder, MANIFEST), manifest(written).content);
  return stale;
}

function refuseForeignPages(folder: string, shown: string, written: string[], before: string[]): void {
  const foreign = written.filter((path) => !before.includes(path) && lstatIfAny(join(folder, path)));
  if (foreign.length === 0) return;
  const more = foreign.length > 1 ? ` (and ${foreign.length - 1} more)` : '';
  throw new LadderError(
    `${join(shown, foreign[0]!)}: exists and was not written by ladder export (it is not in ${MANIFEST})${more}; choose a new or empty folder, or add --force to replace such pages`,
  );
}

/** The pages the last export wrote into `folder`; none without a manifest. */
function readManifest(folder: string, shown: string, force: boolean): string[] {
  const path = join(folder, MANIFEST);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const pages = manifestPages(text);
  if (pages) return pages;
  if (force) return [];
  throw new LadderError(`${join(shown, MANIFEST)}: is not a manifest ladder export can read; remove it, or add --force to export anyway`);
}

/** The page list of a manifest, or undefined when it is not one; a page outside the folder is never trusted. */
function manifestPages(text: string): string[] | undefined {
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(text) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (data?.generator !== 'ladder' || !Array.isArray(data.pages)) return undefined;
  const pages = data.pages.filter((page): page is string => typeof page === 'string');
  return pages.length === data.pages.length && pages.every(staysInside) ? pages : undefined;
}

function staysInside(page: string): boolean {
  return page !== '' && page !== MANIFEST && !isAbsolute(page) && !page.split(/[\\/]/).includes('..');
}

/** Removes a page of the last export; true when it was there. Something that is no longer a file is left alone. */
function removePage(path: string): boolean {
  const stats = lstatIfAny(path);
  if (!stats || stats.isDirectory()) return false;
  rmSync(path, { force: true });
  return true;
}

/** The real path of `path`, also when it does not exist yet: its nearest existing folder, resolved, and the rest. */
function realPathOfAny(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOfAny(parent), basename(absolute));
  }
}

