import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import { bundledLadder, role, writeTree } from './helpers.js';

const open = async (root: string) => buildGraph((await loadLadder(root)).roles);

describe('resolveRole', () => {
  it('puts ancestors first, then own, grouped by section in first-seen order, with provenance', async () => {
    const graph = await open(
      writeTree({
        'e.md': role('Engineer', null, { Delivery: ['Ships.'], Craft: ['Tests.'] }),
        's.md': role('Senior', 'Engineer', { Craft: ['Designs.'], Mentoring: ['Mentors.'], Delivery: ['Leads.'] }),
      }),
    );
    const senior = resolveRole(graph, graph.roles.get('s')!);
    expect(senior.chain).toEqual(['s', 'e']);
    expect(senior.sections.map((s) => [s.title, s.expectations.map((e) => `${e.source}:${e.text}`)])).toEqual([
      ['Delivery', ['e:Ships.', 's:Leads.']],
      ['Craft', ['e:Tests.', 's:Designs.']],
      ['Mentoring', ['s:Mentors.']],
    ]);
    expect(senior.sections[0]!.expectations.map((e) => e.id)).toEqual(['e/delivery/1', 's/delivery/1']);
    expect(resolveRole(graph, graph.roles.get('s')!, { own: true }).sections.flatMap((s) => s.expectations.map((e) => e.source))).toEqual(['s', 's', 's']);
  });

  it('flattens the bundled VP: the seed bullets plus every ancestor, each once', async () => {
    const graph = await open(bundledLadder);
    const vp = resolveRole(graph, graph.roles.get('vp-engineering')!);
    expect(vp.chain).toEqual(['vp-engineering', 'engineering-director', 'engineering-manager', 'senior-engineer', 'engineer']);
    const all = vp.sections.flatMap((s) => s.expectations);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const own = all.filter((e) => e.source === 'vp-engineering');
    expect(own).toHaveLength(19);
    expect(own.find((e) => e.line === 9)).toMatchObject({ text: 'Identifies capabilities needed and recruits engineering leaders (managers/directors/principals/leads) across the department.', id: 'vp-engineering/team-building/1' });
    const perRole = (id: string) => graph.roles.get(id)!.sections.reduce((n, s) => n + s.expectations.length, 0);
    expect(all).toHaveLength(vp.chain.reduce((n, id) => n + perRole(id), 0));
  });

  it('refuses a role whose chain is broken, naming the file and line', async () => {
    const graph = await open(writeTree({ 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha') }));
    expect(() => resolveRole(graph, graph.roles.get('a')!)).toThrow(/^[ab]\.md:3: inheritance cycle/);
  });
});
