import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where the inputs of the last build are noted; node_modules/.cache is where tools keep such things. */
const stampFile = join(repoRoot, 'node_modules', '.cache', 'ladder-tests', 'build-inputs.json');

/**
 * End-to-end tests run the shipped bin, which runs dist/: build it from the current sources first, unless
 * nothing the build reads has changed since the last one. Every temporary folder the tests make goes under
 * one folder for the run (test workers inherit TMPDIR), removed at the end, so a run leaves nothing behind
 * in the system's temporary folder.
 */
export default async function setup(): Promise<() => void> {
  const inputs = buildInputs();
  if (!existsSync(join(repoRoot, 'dist', 'cli.js')) || readStamp() !== inputs) {
    await import('../scripts/build.js');
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, inputs);
  }
  const runFolder = mkdtempSync(join(tmpdir(), 'ladder-tests-'));
  process.env.TMPDIR = runFolder;
  return () => rmSync(runFolder, { recursive: true, force: true });
}

/** Path, size and modification time of every file the build reads: a cheap fingerprint of its output. */
function buildInputs(): string {
  const sources = readdirSync(join(repoRoot, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const files = [...sources, ...['scripts/build.js', 'package.json', 'package-lock.json'].map((file) => join(repoRoot, file))].sort();
  return JSON.stringify(files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return [file, size, mtimeMs];
  }));
}

function readStamp(): string | undefined {
  try {
    return readFileSync(stampFile, 'utf8');
  } catch {
    return undefined;
  }
}
