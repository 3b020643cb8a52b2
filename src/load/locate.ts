import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LadderError } from '../errors.js';

export interface LocateOptions {
  /** `--ladder`, if given. */
  flag?: string;
  /** `LADDER_DIR`, if set. */
  env?: string;
  cwd: string;
  /** The ladder shipped with the tool, used when nothing else is found. */
  bundled: string;
}

export interface LocatedLadder {
  root: string;
  how: 'flag' | 'env' | 'found' | 'bundled';
}

/** Picks the ladder folder: an explicit one, else the nearest up from cwd, else the bundled one. */
export function locateLadder({ flag, env, cwd, bundled }: LocateOptions): LocatedLadder {
  if (flag) return { root: checkFolder(resolve(cwd, flag), '--ladder'), how: 'flag' };
  if (env) return { root: checkFolder(resolve(cwd, env), 'LADDER_DIR'), how: 'env' };
  const found = findUpward(resolve(cwd));
  return found ? { root: found, how: 'found' } : { root: bundled, how: 'bundled' };
}

function checkFolder(path: string, origin: string): string {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new LadderError(`${path}: ladder folder not found (from ${origin}); give the folder that holds your role files`);
  }
  if (!stats.isDirectory()) throw new LadderError(`${path}: is a file, not a folder (from ${origin}); give the folder that holds your role files`);
  return path;
}

function findUpward(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'ladder.yaml'))) return dir;
    const nested = join(dir, 'ladder');
    if (hasMarkdown(nested)) return nested;
    if (dirname(dir) === dir) return null;
  }
}

function hasMarkdown(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true }).some((name) => String(name).toLowerCase().endsWith('.md'));
  } catch {
    return false;
  }
}
