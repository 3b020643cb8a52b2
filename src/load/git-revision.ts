import { spawnSync } from 'node:child_process';
import { LadderError, quoted } from '../errors.js';
import { isDataFilePath, isRoleFilePath } from './files.js';
import { dataLadderOf } from './readers/data-ladder-settings.js';
import { addFile, decode, matching, mergeSkillLevels, notIgnored, parseOptionsOf, type LoadedLadder, type LoadOptions } from './load-ladder.js';

export interface RevisionOptions extends Pick<LoadOptions, 'config'> {
  /** The environment git runs with (the caller's, so the core never reads process.env). */
  env?: Record<string, string | undefined>;
}

/** A ladder as committed at a revision, and the commit that revision names. */
export interface RevisionLadder {
  commit: string;
  loaded: LoadedLadder;
}

/**
 * Reads the ladder folder `root` as it is at `revision` of the git repository holding it, without checking
 * anything out: git's object store is read with plumbing commands only, so the work tree and the index
 * are never touched. The same files count as roles as on disk, parsed the same way. Four git processes in
 * all, however many roles: every file comes through one `git cat-file --batch`.
 */
export async function loadLadderAtRevision(root: string, revision: string, options: RevisionOptions = {}): Promise<RevisionLadder> {
  const git = (args: string[], input?: Buffer) => runGit(root, args, options.env, input);
  const prefix = repositoryPrefix(root, git);
  const commit = resolveCommit(revision, git);
  // From inside the ladder folder, ls-tree lists only that folder, with paths relative to it.
  const entries = parseTree(git(['ls-tree', '-r', '-z', commit]).stdout);
  if (entries.length === 0) throw new LadderError(`ladder folder ${prefix || './'} does not exist at ${revision}; compare with a revision that has it`);
  const loaded: LoadedLadder = { root, roles: [], sources: [], problems: [] };
  const blobs: TreeEntry[] = [];
  const data = dataLadderOf(options.config?.format);
  const roleEntries = data ? await matching(entries.filter((e) => isDataFilePath(e.file)), data.files) : entries.filter((e) => isRoleFilePath(e.file));
  for (const entry of await notIgnored(roleEntries, options.config?.ignore)) {
    if (entry.mode === '100644' || entry.mode === '100755') blobs.push(entry);
    else loaded.problems.push({ code: 'unreadable', message: `not a regular file at ${revision} (git mode ${entry.mode}), not read`, file: entry.file, line: 0, column: 0 });
  }
  const contents = readBlobs(blobs.map((b) => b.object), git);
  const jobs: { file: string; text: string }[] = [];
  for (const [i, entry] of blobs.entries()) {
    const text = decode(contents[i]!);
    if (typeof text === 'string') jobs.push({ file: entry.file, text });
    else loaded.problems.push({ code: 'encoding', message: `not UTF-8 text at ${revision} (invalid byte at offset ${text.offset})`, file: entry.file, line: text.line, column: 1 });
  }
  // The same parser as on disk, spread over the cores for a large ladder.
  const { parseFiles } = await import('./parse-pool.js');
  const readOptions = parseOptionsOf(options.config);
  const parsed = await parseFiles(jobs, readOptions);
  // `path` names the blob the way git does, since the file need not exist on disk.
  jobs.forEach(({ file, text }, i) => addFile(loaded, { file, path: `${commit}:${prefix}${file}`, text }, parsed[i]!));
  await mergeSkillLevels(loaded, readOptions);
  return { commit, loaded };
}

type Git = (args: string[], input?: Buffer) => { status: number | null; stdout: Buffer; stderr: string };

interface TreeEntry {
  mode: string;
  object: string;
  /** Relative to the ladder folder, `/`-separated. */
  file: string;
}

/** Where the ladder folder sits in its repository (`ladder/`, or `` at the top). */
function repositoryPrefix(root: string, git: Git): string {
  const result = git(['rev-parse', '--show-prefix']);
  if (result.status !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw new LadderError(`not a git repository: ${root}`);
    throw gitFailure(root, result.stderr);
  }
  return result.stdout.toString('utf8').trim();
}

function resolveCommit(revision: string, git: Git): string {
  // A leading "-" would be read as an option; no revision name starts with one.
  const result = revision.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (result?.status === 0) return result.stdout.toString('utf8').trim();
  // In a shallow clone (CI checkouts often are) HEAD~1 and older tags are simply not there yet.
  if (isShallow(git)) {
    throw new LadderError(
      `unknown revision ${quoted(revision)} in this shallow clone; fetch more history (git fetch --deepen=50, or git fetch --unshallow) and run again`,
    );
  }
  throw new LadderError(`unknown revision ${quoted(revision)}; name a branch, tag or commit of this repository`);
}

function isShallow(git: Git): boolean {
  return git(['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
}

/** `<mode> <type> <object>\t<path>` records, NUL-terminated, the path unquoted. */
function parseTree(output: Buffer): TreeEntry[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((record) => record.length > 0)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, , object] = record.slice(0, tab).split(' ');
      return { mode: mode!, object: object!, file: record.slice(tab + 1) };
    })
    // The order listRoleFiles gives, so the first of two roles with one id is the same one on disk.
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The bytes of each blob, in order, from one `git cat-file --batch`: `<object> <type> <size>\n<bytes>\n` each. */
function readBlobs(objects: string[], git: Git): Buffer[] {
  if (objects.length === 0) return [];
  const out = git(['cat-file', '--batch'], Buffer.from(objects.join('\n') + '\n')).stdout;
  const blobs: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    const end = out.indexOf(0x0a, at);
    const [name, type, size] = out.subarray(at, end).toString('utf8').split(' ');
    if (name !== object || type !== 'blob') throw new LadderError(`git cat-file could not read ${object}; is the repository complete?`);
    blobs.push(out.subarray(end + 1, end + 1 + Number(size)));
    at = end + 1 + Number(size) + 1;
  }
  return blobs;
}

function runGit(cwd: string, args: string[], env: RevisionOptions['env'], input?: Buffer) {
  const result = spawnSync('git', args, { cwd, env, input, maxBuffer: Number.POSITIVE_INFINITY });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LadderError('git is not installed or not on PATH; install git to compare revisions');
    throw new LadderError(`cannot run git in ${cwd} (${code ?? result.error.message})`);
  }
  const stderr = result.stderr.toString('utf8');
  // Plumbing that must succeed (ls-tree, cat-file) fails only on a damaged repository: say what git said.
  if (result.status !== 0 && !(args[0] === 'rev-parse')) throw gitFailure(cwd, stderr);
  return { status: result.status, stdout: result.stdout, stderr };
}

function gitFailure(cwd: string, stderr: string): LadderError {
  const line = stderr.split('\n').find((l) => l.trim()) ?? 'no message';
  return new LadderError(`git failed in ${cwd}: ${line.trim()}`);
}
