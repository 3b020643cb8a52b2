import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../src/terminal/terminal.js';
import { repoRoot } from './helpers.js';
import { runMain } from './in-process.js';

const ESC = '\x1b[';

/** `ladder --example show engineer` in-process: whether its output came out coloured. */
async function coloured(args: string[], { tty, env = {} }: { tty: boolean; env?: Record<string, string> }): Promise<boolean> {
  const run = await runMain(['--example', ...args, 'show', 'engineer'], { isTTY: tty, env });
  expect(run.code).toBe(0);
  return run.stdout.includes(ESC);
}

describe('colour follows --color, --no-color, FORCE_COLOR and NO_COLOR', () => {
  it.each([
    ['a terminal', true, [], {}, true],
    ['a pipe', false, [], {}, false],
    ['a pipe with FORCE_COLOR=1 (for | less -R)', false, [], { FORCE_COLOR: '1' }, true],
    ['a pipe with FORCE_COLOR set empty', false, [], { FORCE_COLOR: '' }, true],
    ['a terminal with FORCE_COLOR=0', true, [], { FORCE_COLOR: '0' }, false],
    ['a terminal with FORCE_COLOR=false', true, [], { FORCE_COLOR: 'false' }, false],
    ['a terminal with NO_COLOR=1', true, [], { NO_COLOR: '1' }, false],
    ['a terminal with NO_COLOR set empty (means unset)', true, [], { NO_COLOR: '' }, true],
    ['a terminal with TERM=dumb', true, [], { TERM: 'dumb' }, false],
    ['FORCE_COLOR=1 and NO_COLOR=1: forcing wins', false, [], { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['a pipe with --color', false, ['--color'], {}, true],
    ['NO_COLOR=1 with --color', true, ['--color'], { NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 with --color', false, ['--color'], { FORCE_COLOR: '0' }, true],
    ['a terminal with --no-color', true, ['--no-color'], {}, false],
    ['FORCE_COLOR=1 with --no-color', false, ['--no-color'], { FORCE_COLOR: '1' }, false],
  ] as const)('%s', async (_name, tty, flags, env, expected) => {
    expect(await coloured([...flags], { tty, env })).toBe(expected);
  });

  it('decides the same way when asked directly', () => {
    expect(colourWanted(undefined, { env: {}, isTTY: true })).toBe(true);
    expect(colourWanted(undefined, { env: { NO_COLOR: 'x' }, isTTY: true })).toBe(false);
    expect(colourWanted(true, { env: { NO_COLOR: 'x' }, isTTY: false })).toBe(true);
    expect(colourWanted(false, { env: { FORCE_COLOR: '3' }, isTTY: true })).toBe(false);
  });
});

/** The built binary in a pseudo-terminal (util-linux `script`), as a person at a terminal runs it. */
function inTerminal(command: string, env: Record<string, string> = {}): string {
  const bin = `node ${JSON.stringify(join(repoRoot, 'bin', 'ladder.js'))}`;
  const result = spawnSync('script', ['-qec', command.replaceAll('ladder', bin), '/dev/null'], {
    env: { PATH: process.env.PATH, TERM: 'xterm', LINES: '1000', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(result.status).toBe(0);
  // stderr shares the terminal: a slow load draws its progress line there, erased in place (`\r…\x1b[K`).
  return result.stdout.replace(/\r[^\r\n]*\x1b\[K/g, '');
}

describe('colour in a pseudo-terminal', () => {
  it('colours on the terminal, not into a pipe, and again into a pipe with --color (as for less -R)', () => {
    expect(inTerminal('ladder --example show engineer')).toContain(ESC);
    expect(inTerminal('ladder --example show engineer | cat')).not.toContain(ESC);
    expect(inTerminal('ladder --example --color show engineer | cat')).toContain(ESC);
    expect(inTerminal('ladder --example show engineer | cat', { FORCE_COLOR: '1' })).toContain(ESC);
    expect(inTerminal('ladder --example show engineer', { NO_COLOR: '1' })).not.toContain(ESC);
  });
});
