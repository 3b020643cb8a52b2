import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { parseRoleFile } from '../src/load/parse-file.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import { slug } from '../src/text/slug.js';
import { writeTree } from './helpers.js';
import { bulletWords, fixOnce, lintFolder } from './lint-helpers.js';

/** Laws that must hold for every valid ladder, checked on random ones built as forests of roles. */

const WORDS = ['ships', 'code', 'reviews', 'designs', 'mentors', 'team', 'clear', 'plans', 'owns', 'systems', 'quality', 'goals', 'risks', 'budget', 'hiring'];
const SECTIONS = ['Delivery', 'Craft', 'Collaboration', 'Team building', 'Prioritization', 'Communication'];

interface RoleSpec {
  title: string;
  /** Index of an earlier role, so parents always form a forest. */
  parent: number | null;
  description: string;
  sections: { title: string; bullets: string[] }[];
}

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((words) => `${words.join(' ')}.`);
const sections = fc.uniqueArray(fc.constantFrom(...SECTIONS), { minLength: 0, maxLength: 4 }).chain((titles) =>
  fc.tuple(...titles.map((title) => fc.array(sentence, { minLength: 1, maxLength: 4 }).map((bullets) => ({ title, bullets })))),
);
const ladderSpec: fc.Arbitrary<RoleSpec[]> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    ...Array.from({ length: n }, (_, i) =>
      fc.record({
        parent: i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { freq: 4 }),
        description: sentence,
        sections,
      }).map((r) => ({ ...r, title: `Role ${String.fromCharCode(65 + i)}` })),
    ),
  ),
);

/** A role file as people write them: setext title, parent line, description, `###` sections of bullets. */
function render(spec: RoleSpec, all: RoleSpec[], eol = '\n'): string {
  const lines = [spec.title, '-'.repeat(spec.title.length)];
  if (spec.parent !== null) lines.push(`(Inherits the role expectations of a ${all[spec.parent]!.title})`);
  lines.push('', '### Role description', spec.description, '');
  for (const section of spec.sections) lines.push(`### ${section.title}`, ...section.bullets.map((b) => `* ${b}`), '');
  return lines.join(eol);
}

const fileOf = (i: number) => `role-${i}.md`;
const writeLadder = (specs: RoleSpec[]) => writeTree(Object.fromEntries(specs.map((spec, i) => [fileOf(i), render(spec, specs)])));

describe('properties of every valid ladder', () => {
  it('a role resolves to its parent\'s resolved expectations followed by its own: nothing lost, nothing doubled, order kept', async () => {
    await fc.assert(
      fc.asyncProperty(ladderSpec, async (specs) => {
        const loaded = await loadLadder(writeLadder(specs));
        const graph = buildGraph(loaded.roles);
        expect(loaded.problems).toEqual([]);
        expect(graph.problems).toEqual([]);
        for (const node of graph.roles.values()) {
          const resolved = resolveRole(graph, node);
          const inherited = node.parentId === null ? [] : resolveRole(graph, graph.roles.get(node.parentId)!).sections;
          const expected = new Map(inherited.map((s) => [s.id, s.expectations.map((e) => `${e.source}:${e.text}`)]));
          for (const section of node.sections) {
            const id = slug(section.title);
            expected.set(id, [...(expected.get(id) ?? []), ...section.expectations.map((e) => `${node.id}:${e.text}`)]);
          }
          expect(new Map(resolved.sections.map((s) => [s.id, s.expectations.map((e) => `${e.source}:${e.text}`)]))).toEqual(expected);
          // Sections keep the order they are first seen in, root first.
          expect(resolved.sections.map((s) => s.id)).toEqual([...expected.keys()]);
          expect(new Set(resolved.sections.flatMap((s) => s.expectations.map((e) => e.id))).size).toBe(resolved.sections.reduce((n, s) => n + s.expectations.length, 0));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('render then parse gives back the role: title, parent, description, sections and every bullet on its line', async () => {
    await fc.assert(
      fc.asyncProperty(ladderSpec, fc.constantFrom('\n', '\r\n'), async (specs, eol) => {
        for (const [i, spec] of specs.entries()) {
          const text = render(spec, specs, eol);
          const {
            roles: [role],
            problems,
          } = await parseRoleFile(fileOf(i), text);
          expect(problems).toEqual([]);
          expect(role).toMatchObject({
            title: spec.title,
            description: spec.description,
            parent: spec.parent === null ? null : { name: specs[spec.parent]!.title },
          });
          expect(role!.sections.map((s) => ({ title: s.title, bullets: s.expectations.map((e) => e.text) }))).toEqual(spec.sections);
          const lines = text.split(eol);
          for (const e of role!.sections.flatMap((s) => s.expectations)) expect(lines[e.line - 1]).toBe(`* ${e.text}`);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('lint fixes are idempotent and keep every expectation\'s words', async () => {
    const damage = fc.array(fc.record({ trailing: fc.constantFrom('', ' ', '   ', '\t'), dropPeriod: fc.boolean() }), { minLength: 40, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(ladderSpec, damage, async (specs, marks) => {
        let n = 0;
        const damaged = (spec: RoleSpec) => ({
          ...spec,
          sections: spec.sections.map((s) => ({
            ...s,
            bullets: s.bullets.map((b) => {
              const mark = marks[n++ % marks.length]!;
              return `${mark.dropPeriod ? b.slice(0, -1) : b}${mark.trailing}`;
            }),
          })),
        });
        const root = writeTree(Object.fromEntries(specs.map((spec, i) => [fileOf(i), render(damaged(spec), specs)])));
        const words = await bulletWords(root);
        await fixOnce(root);
        expect((await lintFolder(root)).filter((f) => f.fixable)).toEqual([]);
        expect(await bulletWords(root)).toEqual(words);
        const once = specs.map((_, i) => readFileSync(join(root, fileOf(i)), 'utf8'));
        await fixOnce(root);
        expect(specs.map((_, i) => readFileSync(join(root, fileOf(i)), 'utf8'))).toEqual(once);
      }),
      { numRuns: 30 },
    );
  });
});

