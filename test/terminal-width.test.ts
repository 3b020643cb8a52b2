import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/**
 * Every human-readable output at 80 and 120 columns, on a ladder written to be hard to fit: long
 * expectations, one written over three lines, unbroken CJK text (two columns a character), emoji, long
 * titles, six tracks, a lint finding with a long message, a thin promotion step.
 */
const long = 'Leads the design of systems that several teams depend on, writes down the trade-offs they chose, and revisits them when the assumptions behind them stop holding for the organisation';
const cjk = '設計レビューでは、チームの全員が理解できるように、決定の理由と代替案を必ず文書に残し、後から読む人が同じ判断を再現できるようにする。';
const engineer = [
  'Engineer',
  '--------',
  '',
  '### Role description',
  'Engineer role.',
  '',
  '### Delivery',
  `* ${long}.`,
  '* Breaks assigned tasks into small steps',
  '  and completes them within the agreed timeframe,',
  '  raising blockers early instead of waiting until a deadline slips.',
  `* ${cjk}`,
  '* Ships 🚀 changes 🚀 in small 🚀 reviewable 🚀 increments 🚀 and 🚀 writes 🚀 the 🚀 release 🚀 notes 🚀 that 🚀 go 🚀 with 🚀 them 🚀 every 🚀 time.',
  '',
].join('\n');
const tree: Record<string, string> = {
  'makers/engineer.md': engineer,
  'makers/senior-engineer-with-a-very-long-title.md': role('Senior Engineer With A Very Long Title', 'Engineer', {
    Delivery: [
      `${long.replace('Leads', 'Owns')} across the whole company and its partners.`,
      'Breaks assigned tasks into small steps and completes them within the agreed timeframe, raising blockers early.',
      // Restates an inherited expectation word for word: a lint finding with a long message.
      'Breaks assigned tasks into small steps and completes them within the agreed timeframe, raising blockers early instead of waiting until a deadline slips.',
    ],
  }),
  'managers/engineering-manager-of-several-teams.md': role('Engineering Manager Of Several Teams', 'Senior Engineer With A Very Long Title', {
    Delivery: [`${long.replace('Leads', 'Coaches managers through')}.`],
  }),
};
for (const track of ['designers', 'researchers', 'data-scientists', 'product-managers']) {
  tree[`${track}/principal-${track}-lead.md`] = role(`Principal ${track} Lead Of The Whole Organisation`, null, { Delivery: [long + '.'] });
}

const ladder = writeTree(tree);
const commands: [string, string[]][] = [
  ['show', ['show', 'engineering-manager-of-several-teams']],
  ['show --new', ['show', 'senior-engineer-with-a-very-long-title', '--new']],
  ['diff', ['diff', 'engineer', 'engineering-manager-of-several-teams', '--all']],
  ['list', ['list']],
  ['lint', ['lint']],
  ['search', ['search', 'trade-offs']],
  ['health', ['health']],
  ['init', ['init', '--dir', ladder]],
];
const terminal = (columns: number, args: string[], env: Record<string, string> = {}) =>
  runMain(['--ladder', ladder, ...args], { isTTY: true, env: { COLUMNS: String(columns), FORCE_COLOR: '1', ...env } });
const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

describe.each([80, 120])('at %i columns on a terminal', (columns) => {
  it.each(commands)('%s fits every line', async (_name, args) => {
    const run = await terminal(columns, args);
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(widest(run.stdout)).toBeLessThanOrEqual(columns);
  });
});

describe('wrapping', () => {
  it('hangs continuation lines under the text after the marker and keeps the source role whole at the end', async () => {
    const { stdout } = await terminal(80, ['show', 'engineering-manager-of-several-teams'], { FORCE_COLOR: '0' });
    const lines = stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('  ○ Leads the design'));
    expect(lines[first + 1]).toMatch(/^ {4}\S/);
    expect(stdout).toContain('(Senior Engineer With A Very Long Title)');
    // Written over three lines in the file, shown as one paragraph: no line starts at column 0 mid-sentence.
    expect(stdout).not.toMatch(/^and completes/m);
    expect(stdout).toMatch(/Breaks assigned tasks into small steps and completes/);
  });

  it('counts CJK characters and emoji as two columns: the CJK expectation takes more lines than its length suggests', async () => {
    const { stdout } = await terminal(80, ['show', 'engineer'], { FORCE_COLOR: '0' });
    const cjkLines = stdout.split('\n').filter((line) => /[\u3000-\u9fff]/.test(line));
    expect(cjkLines.length).toBeGreaterThanOrEqual(2);
    for (const line of cjkLines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('never splits our own colour codes: each wrapped line opens and closes its own colour', async () => {
    const { stdout } = await terminal(80, ['diff', 'engineer', 'senior-engineer-with-a-very-long-title']);
    for (const line of stdout.split('\n')) {
      expect(line).not.toMatch(/\x1b(?!\[\d+(;\d+)*m)/);
      const opened = (line.match(/\x1b\[3[1-7]m/g) ?? []).length;
      const closed = (line.match(/\x1b\[39m/g) ?? []).length;
      expect(opened).toBe(closed);
    }
  });

  it('leaves piped output unwrapped, one line per expectation, even with COLUMNS set', async () => {
    const run = await runMain(['--ladder', ladder, 'show', 'engineer'], { env: { COLUMNS: '80' } });
    expect(widest(run.stdout)).toBeGreaterThan(120);
    expect(run.stdout).toContain(`  ● ${long}.\n`);
    expect(run.stdout).toContain('  ● Breaks assigned tasks into small steps and completes them within the agreed timeframe, raising blockers early');
  });

  it('wraps lint messages under their column, never a rule id or a path', async () => {
    const { stdout } = await terminal(80, ['lint'], { FORCE_COLOR: '0' });
    const finding = stdout.split('\n').findIndex((line) => /warning|error/.test(line) && /restates-inherited/.test(line));
    expect(finding).toBeGreaterThan(-1);
    const column = stdout.split('\n')[finding]!.search(/(?<=(warning|error) {2})\S/);
    expect(stdout.split('\n')[finding + 1]!.search(/\S/)).toBe(column);
    expect(stdout).toContain('senior-engineer-with-a-very-long-title.md');
  });

  it('stacks the list by track when the chart is wider than the terminal, and keeps the chart when it fits', async () => {
    const narrow = await terminal(80, ['list'], { FORCE_COLOR: '0' });
    expect(narrow.stdout).not.toContain('┌');
    expect(narrow.stdout).toMatch(/^designers\n {2}level \d+ {2}Principal designers Lead Of The Whole Organisation/m);
    const small = writeTree({ 'makers/engineer.md': role('Engineer', null) });
    const wide = await runMain(['--ladder', small, 'list'], { isTTY: true, env: { COLUMNS: '80' } });
    expect(wide.stdout).toContain('┌');
  });
});

describe('counts read as English', () => {
  const single = writeTree({
    'makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.'] }),
    'makers/senior.md': role('Senior', 'Engineer', { Delivery: ['Ships small changes every day.'] }),
  });
  const run = (args: string[]) => runMain(['--ladder', single, ...args]);

  it('says "1 expectation", "1 new expectation" and "1 role" where there is one', async () => {
    expect((await run(['show', 'engineer'])).stdout).toContain('1 expectation: 1 own (●), 0 inherited (○)');
    expect((await run(['show', 'senior', '--new'])).stdout).toContain('Compared with Engineer: 1 new expectation, evolved from an inherited one\n');
    expect((await run(['search', 'every', 'day'])).stdout).toContain('1 hit in 1 role');
    const health = await runMain(['--ladder', single, 'health']);
    expect(health.stdout).toContain('1 promotion step; thin means under 3 new expectations');
  });
});
