import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End-to-end tests run the shipped bin, which runs dist/: build it from the current sources first.
 * Every temporary folder the tests make goes under one folder for the run (test workers inherit
 * TMPDIR), removed at the end, so a run leaves nothing behind in the system's temporary folder.
 */
export default async function setup(): Promise<() => void> {
  await import('../scripts/build.js');
  const runFolder = mkdtempSync(join(tmpdir(), 'ladder-tests-'));
  process.env.TMPDIR = runFolder;
  return () => rmSync(runFolder, { recursive: true, force: true });
}
