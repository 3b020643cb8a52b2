import { beforeAll, describe, expect, it } from 'vitest';
import { loadColour } from '../src/format/paint.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../src/graph/build-graph.js';
import { findRole } from '../src/graph/find-role.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { searchLadder } from '../src/search/search.js';
import { formatSearch } from '../src/format/search-text.js';
import { bundledLadder, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

// Formatters asked for colour expect chalk loaded, as the entry point does when colour is on.
beforeAll(loadColour);

const lineOf = (root: string, file: string, line: number) => readFileSync(join(root, file), 'utf8').split('\n')[line - 1]!;
const graphOf = async (root: string) => {
  const loaded = await loadLadder(root, { texts: true });
  return { graph: buildGraph(loaded.roles), texts: new Map(loaded.sources.map((s) => [s.file, s.text])) };
};

describe('searchLadder', () => {
  it('reports a written expectation once, at its source file:line, with every role that holds it', async () => {
    const { graph } = await graphOf(bundledLadder);
    const hits = searchLadder(graph, 'MENTORS engineers through');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({ role: 'senior-engineer', source: 'senior-engineer', section: 'Collaboration', file: 'makers/senior-engineer.md', kind: 'expectation' });
    expect(lineOf(bundledLadder, hit!.file, hit!.line)).toBe(`* ${hit!.text}`);
    expect(hit!.roles).toEqual(['senior-engineer', 'staff-engineer', 'engineering-manager', 'principal-engineer', 'engineering-director', 'vp-engineering']);
    expect(hit!.matches.map((m) => hit!.text.slice(m.start, m.end))).toEqual(['Mentors', 'engineers', 'through']);
  });

  it('with a role, searches what it holds (own and inherited), naming where each hit is written', async () => {
    const { graph } = await graphOf(bundledLadder);
    const hits = searchLadder(graph, 'mentors', { role: findRole(graph, 'vp') });
    expect(hits.map((h) => [h.role, h.source])).toEqual([['vp-engineering', 'senior-engineer']]);
    expect(hits[0]!.file).toBe('makers/senior-engineer.md');
    expect(searchLadder(graph, 'mentors', { role: findRole(graph, 'engineer') })).toEqual([]);
  });

  it('needs every word (AND), matches parts of words, ignoring case and accents', async () => {
    const root = writeTree({
      'e.md': role('Ingénieur', null, { Craft: ['Écrit du code lisible.', 'Écrit des tests.'] }),
    });
    const { graph } = await graphOf(root);
    const hits = searchLadder(graph, 'ecrit LISIB');
    expect(hits.map((h) => h.text)).toEqual(['Écrit du code lisible.']);
    expect(hits[0]!.matches.map((m) => hits[0]!.text.slice(m.start, m.end))).toEqual(['Écrit', 'lisib']);
    expect(searchLadder(graph, 'ingenieur').map((h) => h.kind)).toEqual(['description']);
  });

  it('gives each description paragraph the line it is written on', async () => {
    const root = writeTree({ 'e.md': 'Engineer\n---\n\n### Role description\n\nFirst paragraph.\n\nSecond one about craft.\n\n### Craft\n* Codes.\n' });
    const { graph, texts } = await graphOf(root);
    const [hit] = searchLadder(graph, 'craft', { fileText: (file) => texts.get(file) });
    expect(hit).toMatchObject({ kind: 'description', section: 'Role description', line: 8, text: 'Second one about craft.' });
  });

  it('filters by section, and says which sections exist when none matches', async () => {
    const { graph } = await graphOf(bundledLadder);
    const hits = searchLadder(graph, 'feedback', { sections: ['coach'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.section === 'Coaching')).toBe(true);
    expect(() => searchLadder(graph, 'feedback', { sections: ['cooking'] })).toThrow(/no section matches "cooking"; sections: Role description, /);
  });

  it('does not trip on a broken ladder: a cycle and an unknown parent still get searched', async () => {
    const root = writeTree({ 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha'), 's.md': role('Senior', 'Nobody') });
    const { graph } = await graphOf(root);
    expect(searchLadder(graph, 'work').map((h) => [h.source, h.roles])).toEqual([['a', ['a', 'b']], ['b', ['b', 'a']], ['s', ['s']]]);
  });
});

describe('formatSearch', () => {
  const hit = {
    role: 'vp-engineering', section: 'Collaboration', source: 'senior-engineer', file: 'makers/senior-engineer.md', line: 21,
    text: 'Mentors engineers.', kind: 'expectation' as const, roles: ['senior-engineer', 'vp-engineering'], matches: [{ start: 0, end: 7 }],
  };
  const titles = new Map([['vp-engineering', 'VP, Engineering'], ['senior-engineer', 'Senior Engineer']]);

  it('prints file:line, role, section and source, then the text and who holds it', () => {
    expect(formatSearch({ query: 'mentor', hits: [hit] }, { color: false, titles })).toBe(
      'makers/senior-engineer.md:21  VP, Engineering › Collaboration (from Senior Engineer)\n  Mentors engineers.\n  held by 2 roles: senior-engineer, vp-engineering\n\n1 hit in 1 role\n',
    );
  });

  it('highlights the matched words only when colour is on', () => {
    const out = formatSearch({ query: 'mentor', hits: [hit] }, { color: true, titles });
    expect(out).toContain('\u001b[1m\u001b[31mMentors\u001b[39m\u001b[22m engineers.');
  });
});

describe('ladder search (end to end)', () => {
  it('exits 0 with hits, as text and as schema-valid JSON', async () => {
    const run = await runMain(['--example', 'search', 'mentors', 'engineers']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('makers/senior-engineer.md:21  Senior Engineer › Collaboration\n  Mentors engineers through pairing');
    expect(run.stdout).not.toMatch(/\u001b\[/);
    const json = await runMain(['search', 'mentors', '--role', 'staff', '--json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(validateAgainst('search.schema.json', result)).toEqual([]);
    expect(result.query).toBe('mentors');
    expect(result.hits.map((h: { source: string }) => h.source)).toEqual(['senior-engineer', 'staff-engineer']);
    expect(result.hits.every((h: { role: string }) => h.role === 'staff-engineer')).toBe(true);
  });

  it('exits 1 when nothing matches (as grep), still printing { query, hits: [] } for --json', async () => {
    const run = await runMain(['search', 'quantum', 'blockchain']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('No expectation or description matches "quantum blockchain".\n');
    const json = await runMain(['search', 'quantum', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ query: 'quantum', hits: [] });
  });

  it('takes repeated --section filters and exits 2 for an unknown section or role', async () => {
    const run = await runMain(['search', 'feedback', '-s', 'coaching', '-s', 'collab', '--json']);
    expect(run.code).toBe(0);
    expect(new Set(JSON.parse(run.stdout).hits.map((h: { section: string }) => h.section))).toEqual(new Set(['Coaching', 'Collaboration']));
    const section = await runMain(['search', 'feedback', '--section', 'cooking']);
    expect(section.code).toBe(2);
    expect(section.stderr).toMatch(/^error: no section matches "cooking"/);
    expect((await runMain(['search', 'feedback', '--role', 'nobody'])).code).toBe(2);
  });
});
