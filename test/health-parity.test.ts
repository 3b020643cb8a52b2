import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { parityGaps } from '../src/health/parity.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { bundledLadder, fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

const gapsOf = async (root: string) => parityGaps(buildGraph((await loadLadder(root)).roles));

/**
 * Two tracks that share Delivery. At level 3 the manager grows Delivery and the staff engineer does not:
 * the one gap. Craft (makers only) and People (managers only) are no track's shared business; at level 2
 * the SRE skips Delivery, but only beside a role of its own track. No step is thin or reworded, so
 * nothing is flagged.
 */
const tracks = {
  'makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.', 'Estimates own tasks.', 'Writes tests first.'], Craft: ['Reads the codebase.', 'Fixes bugs.', 'Debugs locally.'] }),
  'makers/senior.md': role('Senior', 'Engineer', { Delivery: ['Plans quarterly projects.', 'Cuts scope early.', 'Coordinates launches.'], Craft: ['Designs modules.', 'Profiles services.', 'Refactors legacy areas.'] }),
  'makers/sre.md': role('SRE', 'Engineer', { Craft: ['Automates rollbacks.', 'Tunes alert noise.', 'Runs game days.'] }),
  'makers/staff.md': role('Staff', 'Senior', { Craft: ['Shapes architecture.', 'Sets coding standards.', 'Reviews system designs.'] }),
  'managers/manager.md': role('Manager', 'Senior', {
    Delivery: ['Commits the team to goals.', 'Reports progress upward.', 'Removes blockers.'],
    People: ['Hires engineers.', 'Holds one-on-ones.', 'Writes growth plans.'],
  }),
  // Its parent does not exist: its chain is broken, so it is measured nowhere.
  'managers/lost.md': role('Lost', 'Nobody', { Delivery: ['Delivers alone.'] }),
};

describe('parity gaps', () => {
  it('finds a section one track grows at a level and another track, which uses it too, does not', async () => {
    expect(await gapsOf(writeTree(tracks))).toEqual([{ level: 3, section: 'Delivery', has: ['manager'], lacks: ['staff'] }]);
  });

  it('finds none when the other track adds to the section at that level too', async () => {
    const even = { ...tracks, 'makers/staff.md': role('Staff', 'Senior', { Delivery: ['Runs cross-team programs.'], Craft: ['Shapes architecture.'] }) };
    expect(await gapsOf(writeTree(even))).toEqual([]);
  });

  it('lists every role that has the section and every one that lacks it', async () => {
    const more = {
      ...tracks,
      'makers/architect.md': role('Architect', 'Senior', { Craft: ['Draws the big picture.'] }),
      'managers/lead.md': role('Lead', 'Senior', { Delivery: ['Runs the sprint.'] }),
    };
    expect(await gapsOf(writeTree(more))).toEqual([{ level: 3, section: 'Delivery', has: ['lead', 'manager'], lacks: ['architect', 'staff'] }]);
  });

  it('finds none on the bundled ladder, whose tracks grow Delivery at every shared level', async () => {
    expect(await gapsOf(bundledLadder)).toEqual([]);
  });
});

describe('ladder health shows parity gaps as information', () => {
  it('in text, under their own heading, without flagging anything (--exit-code exits 0)', async () => {
    const root = writeTree(tracks);
    const run = await runMain(['--ladder', root, 'health', '--exit-code']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nParity gaps (information)\n  level 3, "Delivery": manager adds to it, staff does not\n');
    expect(run.stdout.endsWith('\n4 steps: 0 thin, 0 mostly rewordings; 0 never-growing sections\n')).toBe(true);
  });

  it('in Markdown and JSON, the JSON valid against schemas/health.schema.json', async () => {
    const root = writeTree(tracks);
    const markdown = await runMain(['--ladder', root, 'health', '--format', 'markdown']);
    expect(markdown.stdout).toContain('\n\n### Parity gaps (information)\n\n- level 3, "Delivery": manager adds to it, staff does not.\n');
    const json = JSON.parse((await runMain(['--ladder', root, 'health', '--json'])).stdout);
    expect(validateAgainst('health.schema.json', json)).toEqual([]);
    expect(json.parity).toEqual([{ level: 3, section: 'Delivery', has: ['manager'], lacks: ['staff'] }]);
  });

  it('in the house-style fixture: the manager grows Delivery beside a staff engineer who does not', async () => {
    const run = await runMain(['--ladder', fixture('house-style'), 'health', '--json']);
    expect(JSON.parse(run.stdout).parity).toEqual([{ level: 3, section: 'Delivery', has: ['engineering-manager'], lacks: ['staff-engineer'] }]);
  });

  it('and says nothing of parity when there is no gap', async () => {
    const run = await runMain(['--example', 'health']);
    expect(run.stdout).not.toContain('Parity');
  });
});
