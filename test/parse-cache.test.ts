import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { role, runCli, writeTree } from './helpers.js';

const cacheFile = (dir: string) => join(dir, readdirSync(dir)[0]!);

describe('parse cache', () => {
  it('reuses the parse of an unchanged file and reparses it once its size or mtime changes', () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Writes code.'] }) });
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const env = { LADDER_CACHE_DIR: cache };
    expect(runCli(['--ladder', ladder, 'show', 'engineer'], { env }).stdout).toContain('Writes code.');
    // Plant a different text in the cache: if the next run prints it, the parse came from the cache.
    const stored = readFileSync(cacheFile(cache), 'utf8');
    writeFileSync(cacheFile(cache), stored.replace('Writes code.', 'From the cache.'));
    expect(runCli(['--ladder', ladder, 'show', 'engineer'], { env }).stdout).toContain('From the cache.');
    expect(runCli(['--ladder', ladder, '--no-cache', 'show', 'engineer'], { env }).stdout).toContain('Writes code.');
    utimesSync(join(ladder, 'e.md'), new Date(), new Date(Date.now() + 5000));
    expect(runCli(['--ladder', ladder, 'show', 'engineer'], { env }).stdout).toContain('Writes code.');
  });

  it('ignores a corrupt or foreign cache file and replaces it', () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Writes code.'] }) });
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const env = { LADDER_CACHE_DIR: cache };
    runCli(['--ladder', ladder, 'list'], { env });
    for (const garbage of ['{"version":', 'null', '{"version":"0.0.0-other","root":"/x","entries":{}}']) {
      writeFileSync(cacheFile(cache), garbage);
      const run = runCli(['--ladder', ladder, 'show', 'engineer'], { env });
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toContain('Writes code.');
    }
    expect(JSON.parse(readFileSync(cacheFile(cache), 'utf8')).entries['e.md'].role.title).toBe('Engineer');
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('works without any cache folder (no HOME) and never fails because the cache cannot be written', () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null) });
    expect(runCli(['--ladder', ladder, 'show', 'engineer']).code).toBe(0);
    // A cache folder that cannot exist: its parent is a file.
    const blocked = join(ladder, 'e.md', 'cache');
    expect(runCli(['--ladder', ladder, 'show', 'engineer'], { env: { LADDER_CACHE_DIR: blocked } })).toMatchObject({ code: 0, stderr: '' });
  });
});
