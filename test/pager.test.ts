import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagerFor } from '../src/terminal/terminal.js';
import { repoRoot } from './helpers.js';

/**
 * The built binary in a pseudo-terminal (util-linux `script`). The pager stands in for less: it marks
 * every line it is given, so the test sees whether output went through it.
 */
const marker = 'sed s/^/paged:/';
function inTerminal(args: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const bin = `node ${JSON.stringify(join(repoRoot, 'bin', 'ladder.js'))}`;
  const result = spawnSync('script', ['-qec', `${bin} ${args}`, '/dev/null'], {
    env: { PATH: process.env.PATH, TERM: 'xterm', LINES: '20', COLUMNS: '100', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // stderr shares the terminal: a slow load draws its progress line there, erased in place (`\r…\x1b[K`).
  const stdout = result.stdout.replace(/\r\n/g, '\n').replace(/\r[^\r\n]*\x1b\[K/g, '');
  return { code: result.status, stdout, stderr: result.stderr };
}
const pagedLines = (text: string) => text.split('\n').filter((line) => line.startsWith('paged:')).length;

describe('paging on a terminal', () => {
  it('sends output taller than the screen through $LADDER_PAGER, every line of it', () => {
    const run = inTerminal('--example show engineer', { LADDER_PAGER: marker });
    expect(run.code).toBe(0);
    expect(pagedLines(run.stdout)).toBeGreaterThan(20);
    expect(run.stdout.trimEnd().split('\n').every((line) => line.startsWith('paged:'))).toBe(true);
  });

  it('uses $PAGER when $LADDER_PAGER is not set, and $LADDER_PAGER over $PAGER', () => {
    expect(pagedLines(inTerminal('--example show engineer', { PAGER: marker }).stdout)).toBeGreaterThan(20);
    const both = inTerminal('--example show engineer', { PAGER: 'sed s/^/wrong:/', LADDER_PAGER: marker });
    expect(both.stdout).not.toContain('wrong:');
    expect(pagedLines(both.stdout)).toBeGreaterThan(20);
  });

  it('prints directly with --no-pager, when the output fits the screen, and in CI', () => {
    for (const [args, env] of [
      ['--example --no-pager show engineer', {}],
      ['--example show engineer', { LINES: '500' }],
      ['--example list', {}],
      ['--example show engineer', { CI: 'true' }],
    ] as const) {
      const run = inTerminal(args, { LADDER_PAGER: marker, ...env });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('paged:');
      expect(run.stdout).toContain('Engineer');
    }
  });

  it('prints directly, with no complaint, when the pager is not installed', () => {
    const run = inTerminal('--example show engineer', { LADDER_PAGER: 'no-such-pager-anywhere -R' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Writes clear');
    expect(run.stdout).not.toMatch(/not found|no-such-pager/);
  });

  it('never pages into a pipe', () => {
    const bin = join(repoRoot, 'bin', 'ladder.js');
    const run = spawnSync(process.execPath, [bin, '--example', 'show', 'engineer'], { env: { PATH: process.env.PATH, LINES: '5', LADDER_PAGER: marker }, encoding: 'utf8' });
    expect(run.stdout).not.toContain('paged:');
    expect(run.stdout.split('\n').length).toBeGreaterThan(20);
  });
});

describe('choosing the pager', () => {
  const tall = 'line\n'.repeat(30);
  const tty = { isTTY: true, rows: 24 };
  it('is less -FRX unless told otherwise, as git and gh do', () => {
    expect(pagerFor(tall, { ...tty, env: {} })).toBe('less -FRX');
  });
  it('is none when set empty or to cat, off a terminal, on a dumb one, or when the screen size is unknown', () => {
    expect(pagerFor(tall, { ...tty, env: { PAGER: '' } })).toBeUndefined();
    expect(pagerFor(tall, { ...tty, env: { LADDER_PAGER: 'cat' } })).toBeUndefined();
    expect(pagerFor(tall, { isTTY: false, rows: 24, env: {} })).toBeUndefined();
    expect(pagerFor(tall, { ...tty, env: { TERM: 'dumb' } })).toBeUndefined();
    expect(pagerFor(tall, { isTTY: true, rows: 0, env: {} })).toBeUndefined();
  });
});
