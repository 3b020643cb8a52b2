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
    expect(senior.sections[0]!.expectations.map((e) => e.id)).toEqual(['e/delivery/58dd75e4', 's/delivery/7a968ed4']);
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
    expect(own.find((e) => e.line === 9)).toMatchObject({ text: 'Identifies capabilities needed and recruits engineering leaders (managers/directors/principals/leads) across the department.', id: 'vp-engineering/team-building/ac0b2740' });
    const perRole = (id: string) => graph.roles.get(id)!.sections.reduce((n, s) => n + s.expectations.length, 0);
    expect(all).toHaveLength(vp.chain.reduce((n, id) => n + perRole(id), 0));
  });

  it('refuses a role whose chain is broken, naming the file and line', async () => {
    const graph = await open(writeTree({ 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha') }));
    expect(() => resolveRole(graph, graph.roles.get('a')!)).toThrow(/^[ab]\.md:3: inheritance cycle/);
  });
});

describe('expectation ids', () => {
  const idsOf = async (items: string[], section = 'Delivery') => {
    const graph = await open(writeTree({ 'e.md': role('Engineer', null, { [section]: items }) }));
    const resolved = resolveRole(graph, graph.roles.get('e')!);
    return new Map(resolved.sections[0]!.expectations.map((e) => [e.text, e.id]));
  };

  it('are <role>/<section slug>/<FNV-1a of the normalised text>, so reordering and inserting bullets keeps them', async () => {
    const before = await idsOf(['Ships.', 'Leads.']);
    // FNV-1a (32 bits) of "ships" and "leads", computed outside this code base.
    expect([...before.values()]).toEqual(['e/delivery/58dd75e4', 'e/delivery/7a968ed4']);
    const after = await idsOf(['Writes tests.', 'Leads.', 'Ships.']);
    expect(after.get('Ships.')).toBe(before.get('Ships.'));
    expect(after.get('Leads.')).toBe(before.get('Leads.'));
  });

  it('ignore case, accents, spacing and final punctuation, but change when the wording does', async () => {
    const [plain] = (await idsOf(['Ships small changes.'])).values();
    const [same] = (await idsOf(['  SHÍPS   small changes'])).values();
    const [reworded] = (await idsOf(['Ships small increments.'])).values();
    expect(same).toBe(plain);
    expect(reworded).not.toBe(plain);
    expect((await idsOf(['Ships small changes.'], 'Team Delivery')).get('Ships small changes.')).toBe(plain!.replace('/delivery/', '/team-delivery/'));
  });

  it('number repeats of one text in a section in the order written, so no two expectations share an id', async () => {
    const graph = await open(writeTree({ 'e.md': role('Engineer', null, { Delivery: ['Ships.', 'Leads.', 'ships', 'Ships!'], Craft: ['Ships.'] }) }));
    const ids = resolveRole(graph, graph.roles.get('e')!).sections.flatMap((s) => s.expectations.map((e) => e.id));
    expect(ids).toEqual(['e/delivery/58dd75e4', 'e/delivery/7a968ed4', 'e/delivery/58dd75e4-2', 'e/delivery/58dd75e4-3', 'e/craft/58dd75e4']);
  });
});
