import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, quoted } from '../src/errors.js';
import { gitEnv, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';


describe('quoted user input', () => {
  it('repeats a short input whole and cuts a long one to ECHO_LIMIT characters, saying how long it was', () => {
    expect(quoted('senior')).toBe('"senior"');
    expect(quoted('x'.repeat(ECHO_LIMIT))).toBe(`"${'x'.repeat(ECHO_LIMIT)}"`);
    expect(quoted('y'.repeat(100_000))).toBe(`"${'y'.repeat(ECHO_LIMIT)}…" (100000 characters)`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(quoted('😀'.repeat(ECHO_LIMIT))).toBe(`"${'😀'.repeat(ECHO_LIMIT)}"`);
    expect(quoted('😀'.repeat(ECHO_LIMIT + 1))).toBe(`"${'😀'.repeat(ECHO_LIMIT)}…" (${ECHO_LIMIT + 1} characters)`);
  });
});

describe('errors that echo what the user typed', () => {
  const ladder = writeTree({ 'e.md': role('Engineer', null, { Craft: ['Codes.'] }) });
  const long = 'q'.repeat(100_000);

  it.each([
    ['an unknown role', ['show', long], 'error: unknown role "'],
    ['an unknown section', ['show', 'engineer', '--section', long], 'error: role "e" has no section matching "'],
    ['a section no search hit has', ['search', 'codes', '--section', long], 'error: no section matches "'],
    ['an unknown export format', ['export', '--format', long, '--out', '-'], "error: option '-f, --format <format>' argument '"],
    ['a format commander refuses', ['lint', '--format', long], "error: option '-f, --format <format>' argument '"],
    ['an unknown command', [long], "error: unknown command '"],
  ])('cut %s to a readable line', async (_what, args, start) => {
    const run = await runMain(['--ladder', ladder, '--no-cache', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(start)).toBe(true);
    expect(run.stderr).toMatch(new RegExp(`\\bq{${ECHO_LIMIT}}…["'] \\(100000 characters\\)`));
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('a revision missing from a shallow clone', () => {
  it('names the clone as shallow and says how to fetch more history', async () => {
    const origin = writeTree({ 'ladder/e.md': role('Engineer', null, { Craft: ['Codes.'] }) });
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { PATH: process.env.PATH, ...gitEnv }, encoding: 'utf8' });
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'first');
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'second');
    const clone = join(writeTree({}), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);

    const shallow = await runMain(['changes', 'HEAD~1'], { cwd: join(clone, 'ladder'), env: gitEnv });
    expect(shallow).toMatchObject({ code: 2, stdout: '' });
    expect(shallow.stderr).toBe(
      'error: unknown revision "HEAD~1" in this shallow clone; fetch more history (git fetch --deepen=50, or git fetch --unshallow) and run again\n',
    );
    // The full history has it: the hint is only for the shallow clone.
    expect((await runMain(['changes', 'HEAD~1'], { cwd: join(origin, 'ladder'), env: gitEnv })).code).toBe(0);
    expect((await runMain(['changes', 'v9'], { cwd: join(origin, 'ladder'), env: gitEnv })).stderr).toBe(
      'error: unknown revision "v9"; name a branch, tag or commit of this repository\n',
    );
  });
});
