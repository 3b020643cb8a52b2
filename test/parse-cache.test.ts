import { readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { parseRoleFile } from '../src/load/parse-file.js';
import { ParseCache } from '../src/load/parse-cache.js';

const cacheFile = (dir: string) => join(dir, readdirSync(dir)[0]!);

describe('parse cache', () => {
  it('reuses the parse of a file whose bytes are unchanged, whatever its mtime, and reparses it once they change', async () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Writes code.'] }) });
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const env = { LADDER_CACHE_DIR: cache };
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('Writes code.');
    // Plant a different text in the cache: if the next run prints it, the parse came from the cache.
    const stored = readFileSync(cacheFile(cache), 'utf8');
    writeFileSync(cacheFile(cache), stored.replace('Writes code.', 'From the cache.'));
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('From the cache.');
    expect((await runMain(['--ladder', ladder, '--no-cache', 'show', 'engineer'], { env })).stdout).toContain('Writes code.');
    // Touching the file (a checkout, a copy) changes no byte: the parse is still good.
    utimesSync(join(ladder, 'e.md'), new Date(), new Date(Date.now() + 5000));
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('From the cache.');
    writeFileSync(join(ladder, 'e.md'), role('Engineer', null, { Craft: ['Writes docs.'] }));
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('Writes docs.');
  });

  it('keeps whole parses from a list, which loads no expectations, for a later show to reuse', async () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Writes code.'] }) });
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const env = { LADDER_CACHE_DIR: cache };
    const cold = await runMain(['--ladder', ladder, 'list', '--json'], { env });
    writeFileSync(cacheFile(cache), readFileSync(cacheFile(cache), 'utf8').replace('Writes code.', 'From the cache.'));
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('From the cache.');
    expect(await runMain(['--ladder', ladder, 'list', '--json'], { env })).toEqual(cold);
  });

  it('sees a same-size edit whose mtime was put back (touch -r, cp -p, rsync -a, an unpacked archive)', async () => {
    const file = 'e.md';
    const ladder = writeTree({ [file]: role('Engineer', null, { Craft: ['Writes code.'] }) });
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    // A whole second, so that putting it back is exact on every file system.
    const mtime = new Date('2026-01-02T03:04:05Z');
    utimesSync(join(ladder, file), mtime, mtime);
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'], { env })).stdout).toContain('Writes code.');
    const before = statSync(join(ladder, file));
    writeFileSync(join(ladder, file), role('Engineer', null, { Craft: ['Write; code.'] }));
    utimesSync(join(ladder, file), mtime, mtime);
    expect(statSync(join(ladder, file))).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    const run = await runMain(['--ladder', ladder, 'show', 'engineer'], { env });
    expect(run.stdout).toContain('Write; code.');
    expect(run.stdout).not.toContain('Writes code.');
  });

  it('sees two same-size files swapped by renaming', async () => {
    const ladder = writeTree({
      'a.md': role('Alpha', null, { Craft: ['Codes alpha.'] }),
      'b.md': role('Omega', null, { Craft: ['Codes omega.'] }),
    });
    const env = { LADDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ladder-cache-')) };
    expect((await runMain(['--ladder', ladder, 'list', '--json'], { env })).code).toBe(0);
    expect(statSync(join(ladder, 'a.md')).size).toBe(statSync(join(ladder, 'b.md')).size);
    renameSync(join(ladder, 'a.md'), join(ladder, 'tmp.md'));
    renameSync(join(ladder, 'b.md'), join(ladder, 'a.md'));
    renameSync(join(ladder, 'tmp.md'), join(ladder, 'b.md'));
    const show = await runMain(['--ladder', ladder, 'show', 'alpha', '--json'], { env });
    expect(JSON.parse(show.stdout)).toMatchObject({ file: 'b.md', sections: [{ expectations: [{ text: 'Codes alpha.' }] }] });
  });

  it('ignores a corrupt or foreign cache file and replaces it', async () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Writes code.'] }) });
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const env = { LADDER_CACHE_DIR: cache };
    await runMain(['--ladder', ladder, 'list'], { env });
    for (const garbage of ['{"version":', 'null', '{"version":"0.0.0-other","root":"/x","entries":{}}']) {
      writeFileSync(cacheFile(cache), garbage);
      const run = await runMain(['--ladder', ladder, 'show', 'engineer'], { env });
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toContain('Writes code.');
    }
    expect(JSON.parse(readFileSync(cacheFile(cache), 'utf8')).entries['e.md'].roles[0].title).toBe('Engineer');
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('works without any cache folder (no HOME) and never fails because the cache cannot be written', async () => {
    const ladder = writeTree({ 'e.md': role('Engineer', null) });
    expect((await runMain(['--ladder', ladder, 'show', 'engineer'])).code).toBe(0);
    // A cache folder that cannot exist: its parent is a file.
    const blocked = join(ladder, 'e.md', 'cache');
    expect(await runMain(['--ladder', ladder, 'show', 'engineer'], { env: { LADDER_CACHE_DIR: blocked } })).toMatchObject({ code: 0, stderr: '' });
  });

  it('writes a cache larger than one write piece whole, and reads back every parse from it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ladder-cache-'));
    const options = { dir: cache, version: 'test' };
    // 60 files of about 30 KB of parse each: well over the megabyte written at a time.
    const files = Array.from({ length: 60 }, (_, n) => `role-${n}.md`);
    const written = new ParseCache('/ladder', options);
    for (const [n, file] of files.entries()) {
      const bullets = Array.from({ length: 200 }, (_, i) => `Does thing ${n}.${i} with ${'many words '.repeat(10)}.`);
      written.set(file, `hash-${n}`, await parseRoleFile(file, role(`Role ${n}`, null, { Craft: [`Does thing ${n}.`, ...bullets] })));
    }
    written.save();
    expect(statSync(cacheFile(cache)).size).toBeGreaterThan(1_500_000);
    const read = new ParseCache('/ladder', options);
    for (const [n, file] of files.entries()) {
      expect(read.get(file, `hash-${n}`)?.roles[0]?.sections[0]?.expectations[0]?.text).toBe(`Does thing ${n}.`);
    }
    expect(read.get('role-0.md', 'another hash')).toBeUndefined();
  });
});
