import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadColour } from '../src/format/paint.js';
import { compareRoles } from '../src/diff/compare-roles.js';
import { pairEvolutions } from '../src/diff/pair.js';
import { EVOLUTION_THRESHOLD } from '../src/text/judgement.js';
import { formatDiffMarkdown } from '../src/format/diff-markdown.js';
import { formatDiffText } from '../src/format/diff-text.js';
import { buildGraph, type RoleGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import type { RoleDiff } from '../src/schema/diff.js';
import { similarity } from '../src/text/similarity.js';
import { bundledLadder, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

// Formatters asked for colour expect chalk loaded, as the entry point does when colour is on.
beforeAll(loadColour);

const open = async (root: string) => buildGraph((await loadLadder(root)).roles);
const diffOf = (graph: RoleGraph, from: string, to: string) =>
  compareRoles(resolveRole(graph, graph.roles.get(from)!), resolveRole(graph, graph.roles.get(to)!));
/** Section title → added, removed (as `source:text`) and kept count: the diff at a glance. */
const glance = (diff: RoleDiff) =>
  Object.fromEntries(
    diff.sections.map((s) => [s.title, { added: s.added.map((e) => `${e.source}:${e.text}`), removed: s.removed.map((e) => `${e.source}:${e.text}`), kept: s.kept }]),
  );

/** Two tracks over a shared Senior: the IC Staff and the Manager both inherit Senior → Engineer. */
const twoTracks = {
  'makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.', 'Tests their own work.'], Craft: ['Writes clear code.'] }),
  'makers/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Leads projects from design through launch.'], Mentoring: ['Mentors engineers through code review.'] }),
  'makers/staff.md': role('Staff Engineer', 'Senior Engineer', {
    Delivery: ['Leads cross-team projects from design through launch.', 'Plans the quarterly roadmap.'],
    Design: ['Writes design documents before building.'],
    Architecture: ['Owns the system architecture.'],
  }),
  'managers/manager.md': role('Engineering Manager', 'Senior Engineer', {
    Delivery: ['Runs team rituals.'],
    // Same bullet as Staff's, in another file, another case and spacing, under the section in capitals.
    DESIGN: ['writes design  documents before building.'],
    People: ['Holds one-on-ones.'],
  }),
};

describe('compareRoles', () => {
  it('adjacent roles: the target adds its own expectations and keeps the ones it inherits', async () => {
    const diff = diffOf(await open(writeTree(twoTracks)), 'engineer', 'senior');
    expect(diff.from).toEqual({ id: 'engineer', title: 'Engineer', level: 1, track: 'makers' });
    expect(diff.to).toEqual({ id: 'senior', title: 'Senior Engineer', level: 2, track: 'makers' });
    expect(glance(diff)).toEqual({
      Delivery: { added: ['senior:Leads projects from design through launch.'], removed: [], kept: 2 },
      Craft: { added: [], removed: [], kept: 1 },
      Mentoring: { added: ['senior:Mentors engineers through code review.'], removed: [], kept: 0 },
    });
    expect(diff.summary).toEqual({ added: 2, removed: 0, kept: 3, evolved: 0 });
    expect(diff.sections[0]!.added[0]).toEqual({ id: 'senior/delivery/f99a9cd8', text: 'Leads projects from design through launch.', source: 'senior', line: 9 });
  });

  it('two levels apart: adds the intermediate role’s expectations too, each with its source', async () => {
    const diff = diffOf(await open(writeTree(twoTracks)), 'engineer', 'staff');
    expect(glance(diff).Delivery!.added).toEqual([
      'senior:Leads projects from design through launch.',
      'staff:Leads cross-team projects from design through launch.',
      'staff:Plans the quarterly roadmap.',
    ]);
    // Pairing looks only at what the source role holds: Senior's bullet is new to an Engineer as well.
    expect(diff.summary).toEqual({ added: 6, removed: 0, kept: 3, evolved: 0 });
  });

  it('across tracks: removes what only the source track holds, adds the other track’s, keeps the shared chain', async () => {
    const diff = diffOf(await open(writeTree(twoTracks)), 'staff', 'manager');
    expect(glance(diff)).toEqual({
      Delivery: { added: ['manager:Runs team rituals.'], removed: ['staff:Leads cross-team projects from design through launch.', 'staff:Plans the quarterly roadmap.'], kept: 3 },
      Craft: { added: [], removed: [], kept: 1 },
      Mentoring: { added: [], removed: [], kept: 1 },
      // Matched with Staff's "Design" regardless of case; the same wording in another file is kept, not removed and added.
      DESIGN: { added: [], removed: [], kept: 1 },
      People: { added: ['manager:Holds one-on-ones.'], removed: [], kept: 0 },
      // A section only the source role has comes last, reported whole.
      Architecture: { added: [], removed: ['staff:Owns the system architecture.'], kept: 0 },
    });
    expect(diff.summary).toEqual({ added: 2, removed: 3, kept: 6, evolved: 0 });
  });

  it('reversed direction swaps added and removed', async () => {
    const graph = await open(writeTree(twoTracks));
    const forward = diffOf(graph, 'staff', 'manager');
    const backward = diffOf(graph, 'manager', 'staff');
    // Staff's cross-team bullet sharpens the Senior one a Manager inherits.
    expect(backward.summary).toEqual({ added: 3, removed: 2, kept: 6, evolved: 1 });
    const texts = (d: RoleDiff, pick: 'added' | 'removed') => d.sections.flatMap((s) => s[pick].map((e) => e.text)).sort();
    expect(texts(backward, 'added')).toEqual(texts(forward, 'removed'));
    expect(texts(backward, 'removed')).toEqual(texts(forward, 'added'));
    const senior = diffOf(graph, 'staff', 'senior');
    expect(senior.summary).toEqual({ added: 0, removed: 4, kept: 5, evolved: 0 });
  });

  it('a bullet the target repeats word for word from one it inherits is kept, not added', async () => {
    const graph = await open(writeTree({ 'e.md': role('Engineer', null, { Craft: ['Codes.'] }), 's.md': role('Senior', 'Engineer', { Craft: ['codes.', 'Designs.'] }) }));
    const diff = diffOf(graph, 'e', 's');
    expect(glance(diff)).toEqual({ Craft: { added: ['s:Designs.'], removed: [], kept: 2 } });
  });

  it('identical roles give an empty diff with everything kept', async () => {
    const diff = diffOf(await open(writeTree(twoTracks)), 'staff', 'staff');
    expect(diff.summary).toEqual({ added: 0, removed: 0, kept: 9, evolved: 0 });
    expect(diff.sections.every((s) => s.added.length === 0 && s.removed.length === 0)).toBe(true);
  });

  it('pairs an added expectation with the source expectation it sharpens, with a word diff; an unrelated one is not paired', async () => {
    const diff = diffOf(await open(writeTree(twoTracks)), 'senior', 'staff');
    const [sharper, unrelated] = diff.sections.find((s) => s.title === 'Delivery')!.added;
    expect(sharper!.evolvesFrom).toMatchObject({ id: 'senior/delivery/f99a9cd8', text: 'Leads projects from design through launch.', source: 'senior', line: 9 });
    expect(sharper!.evolvesFrom!.changes).toEqual([
      { value: 'Leads ' },
      { value: 'cross-team ', added: true },
      { value: 'projects from design through launch.' },
    ]);
    expect(unrelated).toEqual({ id: 'staff/delivery/f75b9627', text: 'Plans the quarterly roadmap.', source: 'staff', line: 10 });
    expect(diff.summary).toEqual({ added: 4, removed: 0, kept: 5, evolved: 1 });
  });
});

describe('pairEvolutions', () => {
  const director = { text: 'Provides support and coaching to engineering managers.' };
  const vp = { text: 'Provides clear expectations, support, and coaching to engineering leaders.' };

  it('uses each older expectation once, giving it to the most similar newer one', () => {
    const closer = { text: 'Provides support and coaching to engineering managers and leads.' };
    const rewordings = ['restated', 'evolved'] as const;
    expect(pairEvolutions([vp, closer], [director], rewordings)).toEqual([{ target: closer, source: director, similarity: 5 / 6 }]);
    // With a second candidate, the runner-up pairs with what is left if it is similar enough.
    const other = { text: 'Provides coaching to engineering leaders.' };
    expect(pairEvolutions([vp, closer], [director, other], rewordings).map((p) => [p.target, p.source])).toEqual([[vp, other], [closer, director]]);
    // As `diff` pairs (evolutions only), the near-copy is a restatement, not a sharper version: the VP's bullet pairs.
    expect(pairEvolutions([vp, closer], [director]).map((p) => [p.target, p.source])).toEqual([[vp, director]]);
  });

  it('breaks ties by order, so the same input always pairs the same way', () => {
    const twin = { text: vp.text };
    expect(pairEvolutions([vp, twin], [director]).map((p) => p.target)).toEqual([vp]);
    expect(pairEvolutions([vp], [director, { text: director.text }]).map((p) => p.source)).toEqual([director]);
  });

  it('pairs nothing below the threshold', () => {
    expect(pairEvolutions([vp], [{ text: 'Keeps the group focused on a small number of important goals.' }])).toEqual([]);
    expect(pairEvolutions([], [director])).toEqual([]);
  });
});

describe(`the pairing threshold (${EVOLUTION_THRESHOLD})`, async () => {
  const graph = await open(bundledLadder);
  /** The text of a bullet of a bundled role, found by its start: proves the pair is real, not made up here. */
  const bullet = (roleId: string, start: string) => {
    const found = graph.roles.get(roleId)!.sections.flatMap((s) => s.expectations).find((e) => e.text.startsWith(start));
    if (!found) throw new Error(`${roleId} has no bullet starting "${start}"`);
    return found.text;
  };
  // Real evolutions in the bundled ladder: the higher role restates the lower role's bullet more broadly.
  const evolutions = [
    [bullet('engineering-director', 'Provides support and coaching'), bullet('vp-engineering', 'Provides clear expectations, support')], // 0.5
    [bullet('staff-engineer', 'Owns the long-term technical health'), bullet('principal-engineer', 'Owns the technical health')], // 0.38
    [bullet('engineering-manager', 'Hires engineers who strengthen'), bullet('engineering-director', 'Hires engineering managers')], // 0.33
    [bullet('staff-engineer', 'Defines the architecture'), bullet('principal-engineer', 'Defines the architecture')], // 0.31
    [bullet('engineer', 'Posts concise status updates'), bullet('senior-engineer', 'Posts clear status updates')], // 0.3
    [bullet('engineering-manager', "Represents the team's needs"), bullet('engineering-director', 'Represents the group')], // 0.3
  ] as const;
  // The closest pairs in a section that are different responsibilities, not one grown into another.
  const unrelated = [
    [bullet('engineering-manager', 'Makes sure the team commits'), bullet('engineering-director', 'Sets goals for the group')], // 0.25
    [bullet('engineer', 'Responds to code review feedback'), bullet('senior-engineer', 'Mentors engineers through pairing')], // 0.23
    [bullet('staff-engineer', 'Makes implicit knowledge explicit'), bullet('principal-engineer', 'Shares knowledge outside')], // 0.21
    [bullet('engineering-director', 'Calibrates performance expectations'), bullet('vp-engineering', 'Sets clear expectations')], // 0.17
  ] as const;

  it('lets every real evolution through and keeps the closest unrelated neighbours out', () => {
    expect(similarity(...evolutions[0])).toBeCloseTo(0.5);
    for (const [from, to] of evolutions) expect(similarity(from, to), `${from} → ${to}`).toBeGreaterThanOrEqual(EVOLUTION_THRESHOLD);
    for (const [from, to] of unrelated) expect(similarity(from, to), `${from} ≁ ${to}`).toBeLessThan(EVOLUTION_THRESHOLD);
  });

  it('finds exactly those evolutions when diffing every pair of bundled roles', () => {
    const found = new Set<string>();
    for (const from of graph.roles.keys()) {
      for (const to of graph.roles.keys()) {
        for (const e of diffOf(graph, from, to).sections.flatMap((s) => s.added)) if (e.evolvesFrom) found.add(`${e.evolvesFrom.text} → ${e.text}`);
      }
    }
    expect([...found].sort()).toEqual(evolutions.map(([from, to]) => `${from} → ${to}`).sort());
  });
});

describe('diff renderers', async () => {
  const graph = await open(writeTree(twoTracks));
  const titles = new Map([...graph.roles.values()].map((r) => [r.id, r.title]));
  const diff = diffOf(graph, 'senior', 'staff');

  it('text: header, markers, inline word diff, summary; colour only when asked', () => {
    const text = formatDiffText(diff, { color: false, titles });
    expect(text).toMatch(/^Senior Engineer → Staff Engineer\nsenior → staff · level 2 → 3 · track makers\n/);
    expect(text).toContain('\nDelivery\n  + Leads {+cross-team+} projects from design through launch. (evolves from Senior Engineer)\n  + Plans the quarterly roadmap.\n  = 3 kept\n');
    expect(text).toContain('\nArchitecture\n  + Owns the system architecture.\n');
    expect(text).not.toContain('Mentoring'); // nothing changed there
    expect(text).toMatch(/\n4 added \(1 evolved\), 0 removed, 5 kept\n$/);
    expect(text).not.toMatch(/\u001b\[/);
    const coloured = formatDiffText(diff, { color: true, titles });
    expect(coloured).toMatch(/\u001b\[32m\+/);
    expect(coloured).not.toContain('{+');
  });

  it('text and markdown list kept expectations with --all', () => {
    expect(formatDiffText(diff, { color: false, titles, all: true })).toContain('\nMentoring\n  = Mentors engineers through code review. (Senior Engineer)\n');
    expect(formatDiffMarkdown(diff, { titles, all: true })).toContain('## Mentoring\n\nStill expected:\n\n- Mentors engineers through code review.\n');
  });

  it('markdown: a checklist per section, evolved ones as from … to …', () => {
    const markdown = formatDiffMarkdown(diff, { titles });
    expect(markdown).toMatch(/^# From Senior Engineer to Staff Engineer\n/);
    expect(markdown).toContain(
      '## Delivery\n\n- [ ] From “Leads projects from design through launch.” to “Leads cross-team projects from design through launch.”\n- [ ] Plans the quarterly roadmap.\n\n*3 expectations carry over unchanged.*\n',
    );
    const across = formatDiffMarkdown(diffOf(graph, 'staff', 'manager'), { titles });
    expect(across).toContain('## Architecture\n\nNo longer expected:\n\n- Owns the system architecture.\n');
  });

  it('all formats say so when there is nothing to do', () => {
    const same = diffOf(graph, 'staff', 'staff');
    expect(formatDiffText(same, { color: false, titles })).toMatch(/No differences\.\n\n0 added \(0 evolved\), 0 removed, 9 kept\n$/);
    expect(formatDiffMarkdown(same, { titles })).toContain('No differences: Staff Engineer holds exactly the expectations of Staff Engineer.');
  });
});

describe('ladder diff (end to end, bundled ladder)', () => {
  it('director → vp in text: header, added bullets, the coaching bullet as a word diff, summary', async () => {
    const run = await runMain(['--example', 'diff', 'director', 'vp']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^Engineering Director → VP, Engineering\nengineering-director → vp-engineering · level 4 → 5 · track managers\n/);
    expect(run.stdout).toContain('  + Identifies capabilities needed and recruits engineering leaders (managers/directors/principals/leads) across the department.\n');
    expect(run.stdout).toContain(
      '  + Provides {+clear expectations,+} support{+,+} and coaching to engineering [-managers-]{+leaders+}. (evolves from Engineering Director)\n',
    );
    expect(run.stdout).toMatch(/\n19 added \(1 evolved\), 0 removed, \d+ kept\n$/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json prints the documented shape and validates against schemas/diff.schema.json', async () => {
    const run = await runMain(['diff', 'director', 'vp', '--json']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout);
    expect(validateAgainst('diff.schema.json', diff)).toEqual([]);
    expect(diff.from).toEqual({ id: 'engineering-director', title: 'Engineering Director', level: 4, track: 'managers' });
    expect(diff.summary).toMatchObject({ added: 19, removed: 0, evolved: 1 });
    const team = diff.sections.find((s: { title: string }) => s.title === 'Team building');
    expect(team.added[1]).toMatchObject({
      text: 'Provides clear expectations, support, and coaching to engineering leaders.',
      source: 'vp-engineering',
      line: expect.any(Number),
      evolvesFrom: { text: 'Provides support and coaching to engineering managers.', source: 'engineering-director', similarity: 0.5 },
    });
    expect(team.added[0].evolvesFrom).toBeUndefined();
    expect(team).not.toHaveProperty('keptExpectations');
    const all = JSON.parse((await runMain(['diff', 'director', 'vp', '--format', 'json', '--all'])).stdout);
    expect(validateAgainst('diff.schema.json', all)).toEqual([]);
    expect(all.sections[0].keptExpectations).toHaveLength(all.sections[0].kept);
  });

  it('--format markdown prints a promotion checklist', async () => {
    const run = await runMain(['diff', 'director', 'vp', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# From Engineering Director to VP, Engineering\n/);
    expect(run.stdout).toContain('## Team building\n\n- [ ] Identifies capabilities needed');
    expect(run.stdout).toContain(
      '- [ ] From “Provides support and coaching to engineering managers.” to “Provides clear expectations, support, and coaching to engineering leaders.”\n',
    );
  });

  it('across tracks, downwards and to itself', async () => {
    const across = JSON.parse((await runMain(['diff', 'senior', 'engineering-manager', '--json'])).stdout);
    expect(across.to.track).toBe('managers');
    expect(across.summary).toMatchObject({ added: 18, removed: 0 });
    const sideways = JSON.parse((await runMain(['diff', 'staff', 'engineering-manager', '--json'])).stdout);
    expect(sideways.summary).toMatchObject({ added: 18, removed: 17 });
    const down = await runMain(['diff', 'vp', 'director']);
    expect(down.stdout).toContain('  - Provides clear expectations, support, and coaching to engineering leaders.\n');
    expect(down.stdout).toMatch(/\n0 added \(0 evolved\), 19 removed, \d+ kept\n$/);
    expect((await runMain(['diff', 'vp', 'vp-engineering'])).stdout).toContain('No differences.');
  });

  it('--exit-code exits 1 only when the roles differ', async () => {
    expect((await runMain(['diff', 'director', 'vp', '--exit-code'])).code).toBe(1);
    expect((await runMain(['diff', 'vp', 'director', '--exit-code', '--json'])).code).toBe(1);
    expect((await runMain(['diff', 'vp', 'vp', '--exit-code'])).code).toBe(0);
    expect((await runMain(['diff', 'director', 'vp'])).code).toBe(0);
  });

  it('exits 2 with one line for an unknown role or format', async () => {
    const unknown = await runMain(['--example', 'diff', 'director', 'principl']);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'error: unknown role "principl"; did you mean Principal Engineer (principal-engineer)?\n']);
    const format = await runMain(['diff', 'director', 'vp', '--format', 'html']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^error: option '-f, --format <format>' argument 'html' is invalid\. Allowed choices are text, json, markdown\.\n$/);
    expect((await runMain(['diff', 'director'])).code).toBe(2);
  });

  it('has --help with examples', async () => {
    const help = await runMain(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:\n  $ ladder diff director vp');
  });

  it('loads the word-diff library only on the diff command’s path', () => {
    const importers = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return importers(path);
        return /from ['"]diff['"]/.test(readFileSync(path, 'utf8')) ? [path.slice(repoRoot.length)] : [];
      });
    expect(importers(join(repoRoot, 'src'))).toEqual(['src/diff/word-diff.ts']);
    expect(readFileSync(join(repoRoot, 'src', 'cli.ts'), 'utf8')).not.toMatch(/^import .*commands\/diff/m);
  });
});
