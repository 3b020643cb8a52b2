import { describe, expect, it } from 'vitest';
import { healthThresholds, ladderHealth } from '../src/health/health.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { LadderHealth } from '../src/schema/health.js';
import { bundledLadder, fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

const uneven = fixture('health');
const healthOf = async (root: string, thresholds = healthThresholds()) => ladderHealth(buildGraph((await loadLadder(root)).roles), thresholds);
/** Each step as `from → to: added/evolved flags`, the form the specifications below read best in. */
const glance = (health: LadderHealth) => health.steps.map((s) => `${s.from.id} → ${s.to.id}: ${s.added}/${s.evolved}${s.flags.length ? ` ${s.flags.join(',')}` : ''}`);

describe('ladderHealth', () => {
  it('measures every inheritance edge, across tracks too, and flags the thin step and the step of rewordings', async () => {
    const health = await healthOf(uneven);
    expect(glance(health)).toEqual([
      'engineer → senior-engineer: 8/0',
      'senior-engineer → staff-engineer: 2/0 thin',
      'staff-engineer → principal-engineer: 6/4 mostly-reworded',
      'senior-engineer → team-lead: 4/0',
      'team-lead → manager: 5/0',
    ]);
    expect(health.thresholds).toEqual({ minStep: 3, minRatio: 0.5 });
    expect(health.summary).toEqual({ steps: 5, thin: 1, mostlyReworded: 1, neverGrowing: 1 });
  });

  it('measures a step against the median of the inheriting role’s track, a cross-track step included', async () => {
    const { steps } = await healthOf(uneven);
    // ic: 8, 2, 6 → median 6. mgmt: 4 (from a Senior Engineer, across tracks) and 5 → median 4.5.
    expect(steps.map((s) => [s.to.id, s.track, s.crossTrack, s.median, s.ratio])).toEqual([
      ['senior-engineer', 'ic', false, 6, 1.33],
      ['staff-engineer', 'ic', false, 6, 0.33],
      ['principal-engineer', 'ic', false, 6, 1],
      ['team-lead', 'mgmt', true, 4.5, 0.89],
      ['manager', 'mgmt', false, 4.5, 1.11],
    ]);
    expect(steps[2]!.sections).toEqual([
      { title: 'Delivery', added: 3, evolved: 2 },
      { title: 'Craft', added: 3, evolved: 2 },
    ]);
  });

  it('finds a section the first role of a track writes that no later role of the track adds to', async () => {
    expect((await healthOf(uneven)).neverGrowing).toEqual([
      { track: 'ic', section: 'Docs', root: 'engineer', roles: ['senior-engineer', 'staff-engineer', 'principal-engineer'] },
    ]);
  });

  it('judges only sections a track writes itself: what its first role inherits from another track is judged there', async () => {
    const health = await healthOf(
      writeTree({
        'makers/e.md': role('Engineer', null, { Craft: ['Codes.', 'Tests.', 'Reviews.'], Ops: ['Is on call.', 'Writes runbooks.', 'Fixes alerts.'] }),
        'makers/s.md': role('Senior', 'Engineer', { Craft: ['Designs.', 'Mentors.', 'Plans.'], Ops: ['Leads incidents.', 'Runs drills.', 'Sets SLOs.'] }),
        'managers/m.md': role('Manager', 'Senior', { People: ['Hires.', 'Coaches.', 'Appraises.'] }),
        'managers/d.md': role('Director', 'Manager', { People: ['Builds teams.', 'Grows managers.', 'Shapes the org.'] }),
      }),
    );
    // Neither manager adds to Craft or Ops, which they inherit from the makers: not a managers' defect.
    expect(health.neverGrowing).toEqual([]);
  });

  it('takes its thresholds from ladder.yaml, each falling back to its default', async () => {
    expect(healthThresholds({ health: { minStep: 1 } })).toEqual({ minStep: 1, minRatio: 0.5 });
    const lenient = await healthOf(uneven, healthThresholds({ health: { minStep: 1, minRatio: 0.3 } }));
    expect(lenient.summary.thin).toBe(0);
    const strict = await healthOf(uneven, healthThresholds({ health: { minStep: 5 } }));
    expect(strict.steps.filter((s) => s.flags.includes('thin')).map((s) => s.to.id)).toEqual(['staff-engineer', 'team-lead']);
  });

  it('leaves out steps whose chain is broken, and a ladder without inheritance has no steps', async () => {
    const broken = await healthOf(writeTree({ 'e.md': role('Engineer', null), 's.md': role('Senior', 'Engineer'), 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha') }));
    // "Does Senior work." rewords "Does Engineer work.", the one bullet of each.
    expect(glance(broken)).toEqual(['e → s: 1/1 thin,mostly-reworded']);
    expect((await healthOf(writeTree({ 'e.md': role('Engineer', null) }))).steps).toEqual([]);
  });

  it('finds the bundled ladder even: six steps, nothing flagged', async () => {
    const health = await healthOf(bundledLadder);
    expect(health.summary).toEqual({ steps: 6, thin: 0, mostlyReworded: 0, neverGrowing: 0 });
    expect(health.steps.find((s) => s.to.id === 'engineering-manager')).toMatchObject({ track: 'managers', crossTrack: true });
  });
});

describe('ladder health (end to end)', () => {
  it('draws one row per step with a bar to scale, then what is flagged and why; exit 0', async () => {
    const run = await runMain(['--ladder', uneven, 'health']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("5 promotion steps; thin means under 3 new expectations or under 0.5 × the track's median step");
    // The largest step fills the bar; the others are drawn to its scale, in eighths of a cell.
    expect(lines).toContain('engineer → senior-engineer           ic           8        0      1.33×  ████████████████████████');
    expect(lines).toContain('senior-engineer → staff-engineer     ic           2        0      0.33×  ██████  thin');
    expect(lines).toContain('senior-engineer → team-lead          ic → mgmt    4        0      0.89×  ████████████');
    expect(lines).toContain('  Delivery 3 · Craft 3');
    expect(lines).toContain('  Senior Engineer → Staff Engineer: 2 new expectations, fewer than 3 and under 0.5 × the ic median of 6');
    expect(lines).toContain('  Staff Engineer → Principal Engineer: 4 of 6 new expectations (67%) reword inherited ones');
    expect(lines).toContain('  ic: "Docs" gains nothing after engineer (senior-engineer, staff-engineer, principal-engineer)');
    expect(run.stdout.endsWith('\n5 steps: 1 thin, 1 mostly rewordings; 1 never-growing section\n')).toBe(true);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--exit-code exits 1 when anything is flagged, 0 on the even bundled ladder', async () => {
    expect((await runMain(['--ladder', uneven, 'health', '--exit-code'])).code).toBe(1);
    const bundled = await runMain(['--example', 'health', '--exit-code']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toContain('6 steps: 0 thin, 0 mostly rewordings; 0 never-growing sections');
  });

  it('--json prints the documented shape, valid against schemas/health.schema.json; --format json is the same', async () => {
    const run = await runMain(['--ladder', uneven, 'health', '--json']);
    expect(run.code).toBe(0);
    const health = JSON.parse(run.stdout);
    expect(validateAgainst('health.schema.json', health)).toEqual([]);
    expect(health.steps[1]).toEqual({
      from: { id: 'senior-engineer', title: 'Senior Engineer', level: 2, track: 'ic' },
      to: { id: 'staff-engineer', title: 'Staff Engineer', level: 3, track: 'ic' },
      track: 'ic',
      crossTrack: false,
      added: 2,
      evolved: 0,
      sections: [{ title: 'Delivery', added: 1, evolved: 0 }, { title: 'Craft', added: 1, evolved: 0 }],
      median: 6,
      ratio: 0.33,
      flags: ['thin'],
    });
    expect((await runMain(['--ladder', uneven, 'health', '--format', 'json'])).stdout).toBe(run.stdout);
  });

  it('--format markdown writes a table and the flagged steps', async () => {
    const run = await runMain(['--ladder', uneven, 'health', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Ladder health\n\n5 steps: 1 thin/);
    expect(run.stdout).toContain('| Senior Engineer → Staff Engineer | ic | 2 | 0 | 0.33× | Delivery 1, Craft 1 | thin |');
    expect(run.stdout).toContain('| Senior Engineer → Engineering Team Lead | ic → mgmt | 4 | 0 | 0.89× | Delivery 1, People 3 |  |');
    expect(run.stdout).toContain('### Thin steps\n\n- **Senior Engineer → Staff Engineer**: 2 new expectations, fewer than 3 and under 0.5 × the ic median of 6.');
    expect(run.stdout).toContain('- ic: **Docs** gains nothing after `engineer` (`senior-engineer`, `staff-engineer`, `principal-engineer`).');
  });

  it('reads the thresholds from ladder.yaml, and names the line of a bad one', async () => {
    const tree = { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Engineer', { Delivery: ['Leads projects.'] }) };
    expect((await runMain(['--ladder', writeTree(tree), 'health', '--exit-code'])).code).toBe(1);
    expect((await runMain(['--ladder', writeTree({ ...tree, 'ladder.yaml': 'health:\n  minStep: 1\n' }), 'health', '--exit-code'])).code).toBe(0);
    const unknown = await runMain(['--ladder', writeTree({ ...tree, 'ladder.yaml': 'health:\n  minStep: 1\n  maxStep: 9\n' }), 'health']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: ladder.yaml:3: unknown key "maxStep" in "health"; the keys are "minStep" and "minRatio"\n');
    const ratio = await runMain(['--ladder', writeTree({ ...tree, 'ladder.yaml': 'health:\n  minRatio: 2\n' }), 'health']);
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toMatch(/^error: ladder\.yaml:2: "health\.minRatio" /);
  });
});
