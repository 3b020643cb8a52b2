import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { at, LadderError } from '../errors.js';
import { CONFIG_FILE, readLadderConfig } from '../load/config.js';
import { loadLadder, type LadderFile, type LadderFileName, type LoadedLadder, type LoadOptions, type SourceFile } from '../load/load-ladder.js';
import { foldersWithoutRoles, locateLadder, type LocatedLadder, type LocateOptions } from '../load/locate.js';
import type { LadderConfig } from '../schema/config.js';
import type { ParsedRole, Problem, RolePlace } from '../schema/parsed.js';
import { buildGraph, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import { findRole, matchRole } from '../graph/find-role.js';

/** `S` is `SourceFile` when the command asked for the files' texts (`texts: true`), `R` is `RolePlace` for outlines (`outline: true`). */
export interface OpenLadder<S extends LadderFileName = LadderFile, R extends RolePlace = ParsedRole> {
  root: string;
  /** How the ladder was found: the bundled example standing in for a missing one carries a note. */
  located: LocatedLadder;
  /** `ladder.yaml`, or the defaults when there is none. */
  config: LadderConfig;
  loaded: LoadedLadder<S, R>;
  graph: RoleGraph<R>;
}

/** Finds, loads and links a ladder, as its `ladder.yaml` says: the first step of every command that reads one. */
export async function openLadder(options: LocateOptions & LoadOptions & { texts: true; outline?: false }): Promise<OpenLadder<SourceFile>>;
export async function openLadder(options: LocateOptions & LoadOptions & { outline: true }): Promise<OpenLadder<LadderFileName, RolePlace>>;
export async function openLadder(options: LocateOptions & LoadOptions & { outline?: false }): Promise<OpenLadder>;
export async function openLadder(options: LocateOptions & LoadOptions): Promise<OpenLadder<LadderFileName, RolePlace>>;
export async function openLadder(options: LocateOptions & LoadOptions): Promise<OpenLadder<LadderFileName, RolePlace>> {
  const located = locateLadder(options);
  const { root } = located;
  const config = await ladderConfig(root);
  const loaded = await readFolder(root, () => loadLadder(root, { ...options, config }));
  // A folder with nothing to read is a wrong --ladder or a ladder not yet written, never an empty ladder.
  if (loaded.roles.length === 0 && skippedFiles(loaded).length === 0) {
    throw new LadderError(`${root}: no role files in this folder (Markdown files with a title); give --ladder the folder that holds your roles`);
  }
  return { root, located, config, loaded, graph: buildGraph(loaded.roles, config) };
}

/** The ladder at a git revision, or in the working tree (revision null), linked: one side of `changes`. */
export interface LadderAtRevision {
  revision: string | null;
  commit: string | null;
  loaded: LoadedLadder;
  graph: RoleGraph;
}

/**
 * Finds the ladder and reads it at `older` and at `newer` (the working tree when null). Today's
 * `ladder.yaml` reads both sides, so a change to it alone does not show as changed roles.
 */
export async function openLadderRevisions(
  options: LocateOptions & LoadOptions & { outline?: false },
  { older, newer, gitEnv }: { older: string; newer: string | null; gitEnv: Record<string, string | undefined> },
): Promise<{ older: LadderAtRevision; newer: LadderAtRevision }> {
  const { root } = locateLadder(options);
  const config = await ladderConfig(root);
  // git is needed by `changes` alone: the other commands do not load it.
  const { loadLadderAtRevision } = await import('../load/git-revision.js');
  const at = async (revision: string | null): Promise<LadderAtRevision> => {
    const { commit, loaded } =
      revision === null
        ? { commit: null, loaded: await readFolder(root, () => loadLadder(root, { ...options, config })) }
        : await loadLadderAtRevision(root, revision, { env: gitEnv, config });
    return { revision, commit, loaded, graph: buildGraph(loaded.roles, config) };
  };
  return { older: await at(older), newer: await at(newer) };
}

/**
 * The ladder's `ladder.yaml`. Without one to say which files are not roles, the folders beside the tracks
 * that hold Markdown but no role files (docs/) are left out, so a titled docs page does not become a role.
 */
export async function ladderConfig(root: string): Promise<LadderConfig> {
  const config = await readLadderConfig(root);
  const ignore = leftOutFolders(root);
  return ignore.length > 0 ? { ...config, ignore } : config;
}

/** The globs of the folders `ladderConfig` leaves out: none once a ladder.yaml says what is not a role. */
export function leftOutFolders(root: string): string[] {
  if (existsSync(join(root, CONFIG_FILE))) return [];
  return foldersWithoutRoles(root).map((folder) => `${folder.replace(/[\\*?[\]{}()!+@]/g, '\\$&')}/**`);
}

/**
 * Runs a read of the ladder folder, turning a file-system failure (a folder such as /proc whose entries
 * vanish while it is walked) into one line naming the place, instead of an unexpected failure.
 */
async function readFolder<T>(root: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (error instanceof LadderError || typeof code !== 'string') throw error;
    throw new LadderError(`${root}: cannot read the ladder folder (${code}${path ? ` at ${path}` : ''}); give --ladder the folder that holds your role files`);
  }
}

/** One line per load or graph problem, for commands that go on despite them; first, the note when the example stands in. */
export function problemLines(ladder: Pick<OpenLadder<LadderFileName, RolePlace>, 'loaded' | 'graph'> & { located?: LocatedLadder }): string[] {
  const note = ladder.located?.note;
  return [...(note ? [note] : []), ...[...ladder.loaded.problems, ...ladder.graph.problems].map((p) => at(p.file, p.line, p.message))];
}

/** Files the loader could not read at all (unreadable, not UTF-8, over the size limit): a role may hide in one. */
function skippedFiles(loaded: LoadedLadder<LadderFileName, RolePlace>): Problem[] {
  return loaded.problems.filter((problem) => problem.code === 'unreadable' || problem.code === 'encoding');
}

/**
 * The role a user means (see `findRole`). When none matches, the error also names the files that were
 * skipped, since the role may be in one of them, and says when the ladder searched is the bundled example.
 */
export function lookUpRole(ladder: OpenLadder, name: string): RoleNode {
  try {
    return findRole(ladder.graph, name);
  } catch (error) {
    if (!(error instanceof LadderError) || matchRole(ladder.graph, name).ids.length > 0) throw error;
    // Files named like the role come first: the likeliest place it went.
    const likely = (p: Problem) => (p.file.toLowerCase().includes(name.toLowerCase()) ? 0 : 1);
    const skipped = skippedFiles(ladder.loaded).sort((a, b) => likely(a) - likely(b)).map((p) => `${p.file} was skipped: ${p.message}`);
    const shown = skipped.length > 3 ? [...skipped.slice(0, 3), `${skipped.length - 3} more files were skipped`] : skipped;
    const { how, from } = ladder.located;
    const note = how === 'bundled' ? [`looked in the example ladder bundled with ladder, as no ladder was found from ${from} — give --ladder <dir>`] : [];
    throw new LadderError([error.message, ...shown, ...note].join('; '));
  }
}
