import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LadderError } from '../src/errors.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { LadderSteps, TrackSteps } from '../src/schema/steps.js';
import { ladderSteps } from '../src/steps/steps.js';
import { intactRoles } from '../src/steps/track-levels.js';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

/**
 * A makers track that branches at level 3 (Staff and Tech Lead both build on Senior), a Senior expectation
 * reworded from an Engineer one, a managers track starting from Senior, and text that tries to break out
 * of a table cell, a spreadsheet cell and an HTML page.
 */
const branching = writeTree({
  'makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes with tests.', 'Asks for review early.'], Craft: ['Writes readable code.'] }),
  'makers/senior.md': role('Senior Engineer', 'Engineer', {
    Delivery: ['Ships whole features with tests.'],
    Craft: ['Designs components | interfaces that <b>last</b>.', '=HYPERLINK("http://evil.example")'],
  }),
  'makers/staff.md': role('Staff Engineer', 'Senior Engineer', { Craft: ['Sets the architecture of the team.'] }),
  'makers/tech-lead.md': role('Tech Lead', 'Senior Engineer', { Delivery: ['Plans the work of the team.'], People: ['Runs the team rituals.'] }),
  'managers/manager.md': role('Engineering Manager', 'Senior Engineer', { People: ['Holds one-on-ones.'] }),
});

const stepsOf = async (root: string, track?: string) => ladderSteps(intactRoles(buildGraph((await loadLadder(root)).roles)), track);
/** Level → section → each item, `~` and the word diff for an evolved one. */
const glance = (track: TrackSteps) =>
  Object.fromEntries(
    track.levels.map((level) => [
      `${level.level} ${level.id} < ${level.parent?.id ?? '-'}`,
      Object.fromEntries(level.sections.map((s) => [s.title, s.expectations.map((e) => (e.evolvesFrom ? `~ ${e.evolvesFrom.changes.map((c) => (c.added ? `{+${c.value}+}` : c.removed ? `[-${c.value}-]` : c.value)).join('')}` : e.text))])),
    ]),
  );
const steps = (...args: string[]) => runMain(['--ladder', branching, 'steps', ...args]);

describe('ladderSteps', () => {
  it('gives each level of a track, lowest first, what it adds over its parent; a branch is a row per role naming its parent', async () => {
    const { tracks } = await stepsOf(branching);
    expect(tracks.map((t) => t.track)).toEqual(['makers', 'managers']);
    expect(glance(tracks[0]!)).toEqual({
      '1 engineer < -': { Delivery: ['Ships small changes with tests.', 'Asks for review early.'], Craft: ['Writes readable code.'] },
      '2 senior < engineer': {
        Delivery: ['~ Ships [-small changes-]{+whole features+} with tests.'],
        Craft: ['Designs components | interfaces that <b>last</b>.', '=HYPERLINK("http://evil.example")'],
      },
      '3 staff < senior': { Craft: ['Sets the architecture of the team.'] },
      '3 tech-lead < senior': { Delivery: ['Plans the work of the team.'], People: ['Runs the team rituals.'] },
    });
    expect(tracks[0]!.sections.map((s) => s.title)).toEqual(['Delivery', 'Craft', 'People']);
    expect(tracks[0]!.levels[1]!.summary).toEqual({ new: 3, evolved: 1 });
    // A track that starts from another track's role names it, with its track.
    expect(tracks[1]!.levels.map((l) => [l.id, l.level, l.parent])).toEqual([['manager', 3, { id: 'senior', title: 'Senior Engineer', track: 'makers' }]]);
  });

  it('picks one track by name or slug, and refuses an unknown one listing the tracks', async () => {
    expect((await stepsOf(branching, 'Managers')).tracks.map((t) => t.track)).toEqual(['managers']);
    await expect(stepsOf(branching, 'design')).rejects.toThrow(new LadderError('no track "design" in this ladder; the tracks are "makers", "managers"'));
  });
});

describe('ladder steps on the bundled ladder', () => {
  it('counts what each level adds exactly as show --new does, and its JSON matches schemas/steps.schema.json', async () => {
    const run = await runMain(['--example', 'steps', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const data = JSON.parse(run.stdout) as LadderSteps;
    expect(validateAgainst('steps.schema.json', data)).toEqual([]);
    expect(validateAgainst('steps.schema.json', { tracks: [{ track: 'x' }] }).length).toBeGreaterThan(0);
    expect(data.tracks.map((t) => [t.track, t.levels.map((l) => l.id)])).toEqual([
      ['makers', ['engineer', 'senior-engineer', 'staff-engineer', 'principal-engineer']],
      ['managers', ['engineering-manager', 'engineering-director', 'vp-engineering']],
    ]);
    for (const level of data.tracks.flatMap((t) => t.levels)) {
      const shown = JSON.parse((await runMain(['--example', 'show', level.id, '--new', '--json'])).stdout);
      expect({ new: shown.summary.new, evolved: shown.summary.evolved }, level.id).toEqual(level.summary);
      expect(level.sections, level.id).toEqual(shown.sections);
    }
  });

  it('prints one track as text, levels in order, evolved expectations as a word diff', async () => {
    const run = await runMain(['--example', 'steps', 'managers']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Track managers\n/);
    expect(run.stdout).not.toContain('Track makers');
    expect(run.stdout).toContain('\nLevel 3 · Engineering Manager, after Senior Engineer (makers) · 18 new expectations\n');
    expect(run.stdout).toContain("    ~ Hires [-engineers-]{+engineering managers and senior leaders+} who strengthen the [-team-]{+group+}'s [-skills and-] culture.\n");
  });

  it('fits every line into 80 columns on an 80-column terminal', async () => {
    for (const format of [[], ['--format', 'text']]) {
      const run = await runMain(['--example', '--no-pager', '--no-color', 'steps', ...format], { isTTY: true, env: { COLUMNS: '80' } });
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
      // Wrapping happened: the bundled VP has expectations longer than a line.
      expect(lines.some((line) => /^ {6}\S/.test(line))).toBe(true);
    }
  });
});

describe('ladder steps formats on a ladder with a reworded expectation and a branching track', () => {
  it('text: one block per level, the branch rows naming their parent', async () => {
    const run = await steps('makers');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'Track makers',
        'What each level adds over the role it inherits from',
        '',
        'Level 1 · Engineer · 3 new expectations',
        '  Delivery',
        '    ● Ships small changes with tests.',
        '    ● Asks for review early.',
        '  Craft',
        '    ● Writes readable code.',
        '',
        'Level 2 · Senior Engineer, after Engineer · 3 new expectations, 1 evolved',
        '  Delivery',
        '    ~ Ships [-small changes-]{+whole features+} with tests.',
        '  Craft',
        '    ● Designs components | interfaces that <b>last</b>.',
        '    ● =HYPERLINK("http://evil.example")',
        '',
        'Level 3 · Staff Engineer, after Senior Engineer · 1 new expectation',
        '  Craft',
        '    ● Sets the architecture of the team.',
        '',
        'Level 3 · Tech Lead, after Senior Engineer · 2 new expectations',
        '  Delivery',
        '    ● Plans the work of the team.',
        '  People',
        '    ● Runs the team rituals.',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a table per track, a row per level, a column per section; pipes and HTML cannot break out', async () => {
    const run = await steps('--format', 'markdown');
    expect(run.code).toBe(0);
    const [makers] = run.stdout.split('## Track managers');
    const table = makers!.split('\n').filter((line) => line.startsWith('|'));
    expect(table[0]).toBe('| Level | Delivery | Craft | People |');
    expect(table[3]).toBe(
      '| **Senior Engineer** (level 2)<br>after Engineer<br>*3 new expectations, 1 evolved* | ~ Ships <del>small changes</del><ins>whole features</ins> with tests. | ● Designs components \\| interfaces that &#60;b&#62;last&#60;/b&#62;.<br>● =HYPERLINK("http://evil.example") | – |',
    );
    // Every row of a table has as many cells as its header: no pipe in the text split one.
    for (const line of table) expect(line.split(/(?<!\\)\|/).length, line).toBe(table[0]!.split('|').length);
    expect(run.stdout).toContain('## Track managers\n\n| Level | People |\n| --- | --- |\n| **Engineering Manager** (level 3)<br>after Senior Engineer (makers)<br>*1 new expectation* | ● Holds one-on-ones. |');
  });

  it('csv: one row per added expectation, formulas neutralised', async () => {
    const run = await steps('makers', '--format', 'csv');
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\r\n');
    expect(rows[0]).toBe('track,level,role,title,parent,section,change,expectation,was,id');
    expect(rows).toContain('makers,2,senior,Senior Engineer,engineer,Delivery,evolved,Ships whole features with tests.,Ships small changes with tests.,' + rows.find((r) => r.includes('Ships whole'))!.split(',').at(-1));
    expect(rows.find((r) => r.includes('HYPERLINK'))).toMatch(/,new,"'=HYPERLINK\(""http:\/\/evil\.example""\)",,senior\/craft\/[0-9a-f]{8}$/);
    expect(rows.at(-1)).toBe('');
  });

  it('html: a standalone page, a table per track, ladder text escaped, evolved words in del and ins', async () => {
    const run = await steps('--format', 'html');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>\n/);
    expect(run.stdout).toContain('<h2>Track makers</h2>');
    expect(run.stdout).toContain('<th scope="col">Level</th><th scope="col">Delivery</th><th scope="col">Craft</th><th scope="col">People</th>');
    expect(run.stdout).toContain('<li>~ Ships <del>small changes</del><ins>whole features</ins> with tests.</li>');
    expect(run.stdout).toContain('Designs components | interfaces that &lt;b&gt;last&lt;/b&gt;.');
    expect(run.stdout).not.toContain('<b>');
  });

  it('json: --json is --format json, and disagreeing with another --format is a usage error', async () => {
    const json = await steps('--json');
    expect(await steps('--format', 'json')).toEqual(json);
    expect(validateAgainst('steps.schema.json', JSON.parse(json.stdout))).toEqual([]);
    expect(await steps('--json', '--format', 'csv')).toEqual({ code: 2, stdout: '', stderr: 'error: --json and --format csv disagree; give one of them\n' });
  });

  it('refuses an unknown track with one line listing the tracks (exit 2)', async () => {
    expect(await steps('design')).toEqual({ code: 2, stdout: '', stderr: 'error: no track "design" in this ladder; the tracks are "makers", "managers"\n' });
  });

  it('offers its formats to --format, in --help and in completion', async () => {
    const names = ['text', 'markdown', 'html', 'csv', 'json'];
    expect((await runMain(['__complete', '--', 'steps', '--format', ''])).stdout.split('\n').filter(Boolean)).toEqual(names);
    const help = (await runMain(['steps', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(choices: "text", "markdown", "html", "csv", "json", default: "text")');
    expect(help).toContain('$ ladder steps managers');
  });
});

describe('the exported site', () => {
  it('has a steps page per track, linked from the index, with the word diff of evolved expectations', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ladder-steps-site-')), 'site');
    const run = await runMain(['--ladder', branching, 'export', '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="steps-makers.html">makers</a> · <a href="steps-managers.html">managers</a>');
    const makers = readFileSync(join(out, 'steps-makers.html'), 'utf8');
    expect(makers).toContain('<h1>Steps: track makers</h1>');
    // A page of the site like the others: the way back, and the footer that names the ladder and its version.
    expect(makers).toContain('<nav aria-label="Site"><a href="index.html">All roles</a>');
    expect(makers).toMatch(/<footer><p>.* by ladder [^<]+ · <span class="address">steps-makers\.html<\/span><\/p><\/footer>/);
    expect(makers).toContain('<a href="senior.html">Senior Engineer</a><span class="role-id">level 2</span><span class="meta">after <a href="engineer.html">Engineer</a></span>');
    expect(makers).toContain('~ Ships <del>small changes</del><ins>whole features</ins> with tests.');
    expect(existsSync(join(out, 'steps-managers.html'))).toBe(true);
  });
});
