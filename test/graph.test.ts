import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { findRole } from '../src/graph/find-role.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { bundledLadder, fixture, role, writeTree } from './helpers.js';

const graphOf = async (root: string) => buildGraph((await loadLadder(root)).roles);

describe('buildGraph', () => {
  it('links the bundled ladder across tracks and derives levels', async () => {
    const graph = await graphOf(bundledLadder);
    expect(graph.problems).toEqual([]);
    const level = (id: string) => graph.roles.get(id)!.level;
    expect(graph.roles.get('engineering-manager')!.parentId).toBe('senior-engineer');
    expect([level('engineer'), level('senior-engineer'), level('staff-engineer'), level('principal-engineer')]).toEqual([1, 2, 3, 4]);
    expect([level('engineering-manager'), level('engineering-director'), level('vp-engineering')]).toEqual([3, 4, 5]);
    expect(graph.roles.get('vp-engineering')!.track).toBe('managers');
  });

  it('resolves parents named by link, lower-case title or id on the messy fixture', async () => {
    const graph = await graphOf(fixture('messy'));
    expect(graph.problems).toEqual([]);
    expect(graph.roles.get('ingeniera-senior')!.parentId).toBe('engineering-manager');
    expect(graph.roles.get('director')!.parentId).toBe('engineering-manager');
  });

  it('reports an unknown parent with a did-you-mean and marks the chain broken', async () => {
    const graph = await graphOf(writeTree({ 'e.md': role('Engineer', null), 's.md': role('Senior', 'Enginer'), 't.md': role('Staff', 'Senior') }));
    expect(graph.problems).toHaveLength(1);
    expect(graph.problems[0]).toMatchObject({ code: 'unknown-parent', file: 's.md', line: 3 });
    expect(graph.problems[0]!.message).toContain('did you mean "Engineer"');
    expect([...graph.broken.keys()].sort()).toEqual(['s', 't']);
  });

  it('reports cycles, self-parents and duplicates with file and line', async () => {
    const graph = await graphOf(writeTree({ 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha'), 'c.md': role('Gamma', 'Gamma') }));
    const codes = graph.problems.map((p) => `${p.code} ${p.file}:${p.line}`).sort();
    expect(codes).toEqual(['cycle a.md:3', 'cycle b.md:3', 'self-parent c.md:3']);
    expect(graph.problems.find((p) => p.code === 'cycle')!.message).toContain('Alpha → Beta → Alpha');
    // d/a.md's front matter sets the id a.md has: a clash the maintainers made, so no folder id settles it.
    const twins = await graphOf(writeTree({ 'a.md': role('Alpha', null), 'd/a.md': `---\nid: a\n---\n${role('Delta', null)}`, 'e.md': role('Alpha', null), 'f.md': role('Zeta', 'Alpha') }));
    expect(twins.problems.map((p) => `${p.code} ${p.file}:${p.line}`)).toEqual(['duplicate-id d/a.md:4', 'duplicate-title e.md:1', 'ambiguous-parent f.md:3']);
  });

  it('handles a chain thousands of roles deep without recursion', async () => {
    const tree: Record<string, string> = { 'r0.md': role('R0', null) };
    for (let i = 1; i < 3000; i++) tree[`r${i}.md`] = role(`R${i}`, `R${i - 1}`);
    const graph = await graphOf(writeTree(tree));
    expect(graph.problems).toEqual([]);
    expect(graph.roles.get('r2999')!.level).toBe(3000);
  });
});

describe('findRole', () => {
  it('finds by id, title, alias, prefix, word and initials', async () => {
    const graph = await graphOf(bundledLadder);
    const find = (name: string) => findRole(graph, name).id;
    expect(find('vp-engineering')).toBe('vp-engineering');
    expect(find('VP, Engineering')).toBe('vp-engineering');
    expect(find('vp')).toBe('vp-engineering');
    expect(find('director')).toBe('engineering-director');
    expect(find('staff')).toBe('staff-engineer');
    expect(find('em')).toBe('engineering-manager');
    const messy = await graphOf(fixture('messy'));
    expect(findRole(messy, 'ingeniera').id).toBe('ingeniera-senior');
    expect(findRole(messy, 'Ingeniera Senior').id).toBe('ingeniera-senior');
  });

  it('lists candidates for ambiguous and unknown names', async () => {
    const graph = await graphOf(bundledLadder);
    expect(() => findRole(graph, 'engineering')).toThrow(/ambiguous.*engineering-director.*engineering-manager/);
    expect(() => findRole(graph, 'princpal')).toThrow(/^unknown role "princpal"; did you mean Principal Engineer \(principal-engineer\)\?$/);
  });
});
