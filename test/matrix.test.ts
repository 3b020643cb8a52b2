import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { LadderMatrix, TrackMatrix } from '../src/schema/matrix.js';
import type { ResolvedRole } from '../src/schema/role.js';
import { ladderMatrix } from '../src/steps/matrix.js';
import { intactRoles } from '../src/steps/track-levels.js';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

/** A branching makers track with a reworded Senior expectation, and text that tries to break out of a cell. */
const branching = writeTree({
  'makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes with tests.'], Craft: ['Writes readable code.'] }),
  'makers/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Ships whole features with tests.'], Craft: ['Designs components | interfaces that <b>last</b>.', '@SUM(1)'] }),
  'makers/staff.md': role('Staff Engineer', 'Senior Engineer', { Craft: ['Sets the architecture of the team.'] }),
  'makers/tech-lead.md': role('Tech Lead', 'Senior Engineer', { People: ['Runs the team rituals.'] }),
  'managers/manager.md': role('Engineering Manager', 'Senior Engineer', { People: ['Holds one-on-ones.'] }),
});

const matrixOf = async (root: string, track: string | undefined, all = false) => ladderMatrix(intactRoles(buildGraph((await loadLadder(root)).roles)), track, { all });
/** Section → level id → the texts of its cell. */
const glance = (track: TrackMatrix) =>
  Object.fromEntries(track.sections.map((s) => [s.title, Object.fromEntries(s.cells.map((c) => [c.role, c.expectations.map((e) => e.text)]))]));
const matrix = (...args: string[]) => runMain(['--ladder', branching, 'matrix', ...args]);

describe('ladderMatrix', () => {
  it('puts sections in rows and levels in columns, each cell the level’s own expectations there', async () => {
    const { tracks, cumulative } = await matrixOf(branching, 'makers');
    expect(cumulative).toBe(false);
    expect(tracks[0]!.levels.map((l) => [l.id, l.level, l.parent?.id ?? null])).toEqual([
      ['engineer', 1, null],
      ['senior', 2, 'engineer'],
      ['staff', 3, 'senior'],
      ['tech-lead', 3, 'senior'],
    ]);
    expect(glance(tracks[0]!)).toEqual({
      Delivery: { engineer: ['Ships small changes with tests.'], senior: ['Ships whole features with tests.'], staff: [], 'tech-lead': [] },
      Craft: { engineer: ['Writes readable code.'], senior: ['Designs components | interfaces that <b>last</b>.', '@SUM(1)'], staff: ['Sets the architecture of the team.'], 'tech-lead': [] },
      People: { engineer: [], senior: [], staff: [], 'tech-lead': ['Runs the team rituals.'] },
    });
  });

  it('with all, fills each cell with everything the level holds there, inherited first', async () => {
    const { tracks } = await matrixOf(branching, 'managers', true);
    expect(glance(tracks[0]!)).toEqual({
      Delivery: { manager: ['Ships small changes with tests.', 'Ships whole features with tests.'] },
      Craft: { manager: ['Writes readable code.', 'Designs components | interfaces that <b>last</b>.', '@SUM(1)'] },
      People: { manager: ['Holds one-on-ones.'] },
    });
  });
});

describe('ladder matrix on the bundled ladder', () => {
  it('--all cells hold what show --json gives each role, and the JSON matches schemas/matrix.schema.json', async () => {
    const run = await runMain(['--example', 'matrix', 'makers', '--all', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const data = JSON.parse(run.stdout) as LadderMatrix;
    expect(validateAgainst('matrix.schema.json', data)).toEqual([]);
    expect(validateAgainst('matrix.schema.json', { cumulative: 'yes', tracks: [] }).length).toBeGreaterThan(0);
    expect(data.cumulative).toBe(true);
    const track = data.tracks[0]!;
    for (const [i, level] of track.levels.entries()) {
      const shown = JSON.parse((await runMain(['--example', 'show', level.id, '--json'])).stdout) as ResolvedRole;
      for (const section of shown.sections) expect(track.sections.find((s) => s.id === section.id)!.cells[i]!.expectations, `${level.id} ${section.id}`).toEqual(section.expectations);
    }
  });

  it('own cells hold only what show --own gives', async () => {
    const data = JSON.parse((await runMain(['--example', 'matrix', '--json'])).stdout) as LadderMatrix;
    expect(validateAgainst('matrix.schema.json', data)).toEqual([]);
    expect(data.tracks.map((t) => t.track)).toEqual(['makers', 'managers']);
    const managers = data.tracks[1]!;
    const vp = managers.levels.findIndex((l) => l.id === 'vp-engineering');
    const own = JSON.parse((await runMain(['--example', 'show', 'vp', '--own', '--json'])).stdout) as ResolvedRole;
    // Rows follow the track's order of sections, not the role's own: compare section by section.
    const cells = Object.fromEntries(managers.sections.filter((s) => s.cells[vp]!.expectations.length > 0).map((s) => [s.id, s.cells[vp]!.expectations]));
    expect(cells).toEqual(Object.fromEntries(own.sections.map((s) => [s.id, s.expectations])));
  });

  it('fits every line into 80 columns on an 80-column terminal, own and cumulative', async () => {
    for (const all of [[], ['--all']]) {
      const run = await runMain(['--example', '--no-pager', '--no-color', 'matrix', ...all], { isTTY: true, env: { COLUMNS: '80' } });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
    }
  });
});

describe('ladder matrix formats', () => {
  it('text: a block per section, each level with its items, a dash for none', async () => {
    const run = await matrix('makers');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      ['Delivery', '  Level 1 · Engineer', '    ● Ships small changes with tests.', '  Level 2 · Senior Engineer, after Engineer', '    ● Ships whole features with tests.', '  Level 3 · Staff Engineer, after Senior Engineer', '    –', '  Level 3 · Tech Lead, after Senior Engineer', '    –', ''].join('\n'),
    );
    const all = await matrix('managers', '--all');
    expect(all.stdout).toContain('  Level 3 · Engineering Manager, after Senior Engineer (makers)\n    ○ Ships small changes with tests. (Engineer)\n    ○ Ships whole features with tests. (Senior Engineer)\n');
    expect(all.stdout).toContain('    ● Holds one-on-ones.\n');
  });

  it('markdown: a row per section, a column per level; pipes and HTML stay inside their cell', async () => {
    const run = await matrix('makers', '--format', 'markdown');
    expect(run.code).toBe(0);
    const table = run.stdout.split('\n').filter((line) => line.startsWith('|'));
    expect(table[0]).toBe('| Section | **Engineer** (level 1) | **Senior Engineer** (level 2)<br>after Engineer | **Staff Engineer** (level 3)<br>after Senior Engineer | **Tech Lead** (level 3)<br>after Senior Engineer |');
    expect(table[3]).toBe('| **Craft** | ● Writes readable code. | ● Designs components \\| interfaces that &#60;b&#62;last&#60;/b&#62;.<br>● @&#8203;SUM(1) | ● Sets the architecture of the team. | – |');
    for (const line of table) expect(line.split(/(?<!\\)\|/).length, line).toBe(table[0]!.split('|').length);
  });

  it('csv: one row per item of a cell, formulas neutralised', async () => {
    const run = await matrix('makers', '--format', 'csv');
    const rows = run.stdout.split('\r\n');
    expect(rows[0]).toBe('track,section,level,role,title,expectation,source,id');
    expect(rows.filter((r) => r.startsWith('makers,Craft,2,'))).toEqual([
      expect.stringMatching(/^makers,Craft,2,senior,Senior Engineer,Designs components \| interfaces that <b>last<\/b>\.,senior,senior\/craft\/[0-9a-f]{8}$/),
      expect.stringMatching(/^makers,Craft,2,senior,Senior Engineer,'@SUM\(1\),senior,senior\/craft\/[0-9a-f]{8}$/),
    ]);
  });

  it('html: a standalone page with a table per track, ladder text escaped', async () => {
    const run = await matrix('--format', 'html', '--all');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>\n/);
    expect(run.stdout).toContain('<h2>Track managers</h2>');
    expect(run.stdout).toContain('<th scope="col">Section</th><th scope="col">Engineer<span class="role-id">level 1</span></th>');
    expect(run.stdout).toContain('<li>○ Designs components | interfaces that &lt;b&gt;last&lt;/b&gt;.</li>');
    expect(run.stdout).not.toContain('<b>');
  });

  it('json, --json and a usage error for an unknown track', async () => {
    const json = await matrix('--json');
    expect(await matrix('--format', 'json')).toEqual(json);
    expect(validateAgainst('matrix.schema.json', JSON.parse(json.stdout))).toEqual([]);
    expect(await matrix('design')).toEqual({ code: 2, stdout: '', stderr: 'error: no track "design" in this ladder; the tracks are "makers", "managers"\n' });
  });

  it('offers its formats to --format, in --help and in completion', async () => {
    expect((await runMain(['__complete', '--', 'matrix', '--format', ''])).stdout.split('\n').filter(Boolean)).toEqual(['text', 'markdown', 'html', 'csv', 'json']);
    expect((await runMain(['matrix', '--help'])).stdout.replace(/\s+/g, ' ')).toContain('(choices: "text", "markdown", "html", "csv", "json", default: "text")');
  });
});
