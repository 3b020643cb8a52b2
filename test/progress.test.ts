import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/load/load-ladder.js';
import { progressLine } from '../src/terminal/terminal.js';
import { role, writeTree } from './helpers.js';

/** A progress line driven by a clock the test moves. */
function drawn(env: Record<string, string> = {}, stderrIsTTY = true) {
  let time = 0;
  let written = '';
  const progress = progressLine((text) => void (written += text), { stderrIsTTY, env }, () => time);
  return { progress, tick: (ms: number) => void (time += ms), written: () => written };
}

describe('progress while loading', () => {
  it('stays quiet for the first second, then shows "parsed N of M files" in place, and clears it', () => {
    const { progress, tick, written } = drawn();
    progress!.report(10, 400);
    expect(written()).toBe('');
    tick(1200);
    progress!.report(120, 400);
    expect(written()).toBe('\rparsed 120 of 400 files\x1b[K');
    tick(10);
    progress!.report(121, 400); // redrawn at most every tenth of a second
    tick(200);
    progress!.report(400, 400);
    expect(written()).toBe('\rparsed 120 of 400 files\x1b[K\rparsed 400 of 400 files\x1b[K');
    progress!.clear();
    expect(written().endsWith('\r\x1b[K')).toBe(true);
  });

  it('clears nothing when it never showed', () => {
    const { progress, written } = drawn();
    progress!.report(1, 1);
    progress!.clear();
    expect(written()).toBe('');
  });

  it('is never drawn into a pipe or a CI log', () => {
    expect(drawn({}, false).progress).toBeUndefined();
    expect(drawn({ CI: 'true' }).progress).toBeUndefined();
  });

  it('is told by the loader how many files are parsed of how many', async () => {
    const root = writeTree({ 'makers/engineer.md': role('Engineer', null), 'makers/senior.md': role('Senior', 'Engineer'), 'makers/staff.md': role('Staff', 'Senior') });
    const told: [number, number][] = [];
    await loadLadder(root, { progress: (parsed, total) => told.push([parsed, total]) });
    expect(told).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
