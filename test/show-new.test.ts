import { describe, expect, it } from 'vitest';
import { newInRole } from '../src/diff/role-new.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { RoleNew } from '../src/schema/role-new.js';
import { fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

const uneven = fixture('health');
const newOf = async (root: string, id: string) => {
  const graph = buildGraph((await loadLadder(root)).roles);
  return newInRole(graph, graph.roles.get(id)!);
};
/** Section → each new text, with `<` and what it evolves from for an evolved one. */
const glance = (role: RoleNew) =>
  Object.fromEntries(role.sections.map((s) => [s.title, s.expectations.map((e) => (e.evolvesFrom ? `${e.text} < ${e.evolvesFrom.text}` : e.text))]));

describe('newInRole', () => {
  it('lists the role’s own expectations by section, each evolved one with the inherited one it sharpens', async () => {
    const principal = await newOf(uneven, 'principal-engineer');
    expect(principal.parent).toEqual({ id: 'staff-engineer', title: 'Staff Engineer' });
    expect(principal.summary).toEqual({ new: 6, evolved: 4, repeats: 0 });
    expect(glance(principal)).toEqual({
      Delivery: [
        'Leads programs of several quarters from design to launch across teams. < Leads projects of several weeks from design to launch.',
        "Plans the technical roadmap of several teams with their managers. < Plans the team's technical roadmap with its manager.",
        'Represents engineering in company planning.',
      ],
      Craft: [
        "Defines the architecture of systems shared by several teams. < Defines the architecture of the team's systems.",
        'Reviews designs across teams for correctness, clarity and operability. < Reviews code for correctness, clarity and operability.',
        'Retires systems that no longer pay for themselves.',
      ],
    });
    // Evolved from a grandparent's expectation too: the pairing looks at everything the parent holds.
    expect(principal.sections[1]!.expectations[1]!.evolvesFrom).toMatchObject({ source: 'senior-engineer', line: 16 });
  });

  it('finds all of a role with no parent new, and counts own expectations that only repeat inherited ones', async () => {
    const engineer = await newOf(uneven, 'engineer');
    expect(engineer.parent).toBeNull();
    expect(engineer.summary).toEqual({ new: 8, evolved: 0, repeats: 0 });
    expect(engineer.sections.map((s) => s.id)).toEqual(['delivery', 'craft', 'docs']);
    const repeating = await newOf(
      writeTree({ 'e.md': role('Engineer', null, { Craft: ['Codes.'] }), 's.md': role('Senior', 'Engineer', { Craft: ['Codes.', 'Designs systems.'], People: ['Mentors.'] }) }),
      's',
    );
    expect(repeating.summary).toEqual({ new: 2, evolved: 0, repeats: 1 });
    expect(glance(repeating)).toEqual({ Craft: ['Designs systems.'], People: ['Mentors.'] });
  });
});

describe('ladder show --new (end to end)', () => {
  it('shows new expectations, and evolved ones as was/now with a word diff', async () => {
    const run = await runMain(['--ladder', uneven, 'show', 'principal', '--new']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'Principal Engineer',
        'principal-engineer · track ic · level 4 · ic/principal-engineer.md',
        'Compared with Staff Engineer: 6 new expectations, 4 of them evolved from inherited ones',
        '',
        'Delivery',
        '  ~ was: Leads projects of several weeks from design to launch. (Senior Engineer)',
        '    now: Leads [-projects-]{+programs+} of several [-weeks-]{+quarters+} from design to launch {+across teams+}.',
        "  ~ was: Plans the team's technical roadmap with its manager. (Staff Engineer)",
        "    now: Plans the [-team's-] technical roadmap {+of several teams+} with [-its manager-]{+their managers+}.",
        '  ● Represents engineering in company planning.',
        '',
        'Craft',
        "  ~ was: Defines the architecture of the team's systems. (Staff Engineer)",
        "    now: Defines the architecture of [-the team's-] systems {+shared by several teams+}.",
        '  ~ was: Reviews code for correctness, clarity and operability. (Senior Engineer)',
        '    now: Reviews [-code-]{+designs across teams+} for correctness, clarity and operability.',
        '  ● Retires systems that no longer pay for themselves.',
        '',
      ].join('\n'),
    );
  });

  it('says so for a role with no parent, and keeps only the sections --section asks for', async () => {
    const root = await runMain(['--ladder', uneven, 'show', 'engineer', '--new']);
    expect(root.stdout.split('\n')[2]).toBe('Engineer inherits from no role: all 8 expectations are new');
    const craft = await runMain(['--ladder', uneven, 'show', 'principal', '--new', '--section', 'craft']);
    expect(craft.stdout).toContain('\nCraft\n');
    expect(craft.stdout).not.toContain('\nDelivery\n');
    const typo = await runMain(['--ladder', uneven, 'show', 'principal', '--new', '--section', 'crafts']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('error: role "principal-engineer" has no section matching "crafts"; its sections are "Delivery", "Craft", "Docs"\n');
  });

  it('--json prints the documented shape, valid against schemas/role-new.schema.json', async () => {
    const run = await runMain(['--ladder', uneven, 'show', 'staff', '--new', '--json']);
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(validateAgainst('role-new.schema.json', shown)).toEqual([]);
    expect(shown).toMatchObject({ id: 'staff-engineer', inherits: 'senior-engineer', parent: { id: 'senior-engineer', title: 'Senior Engineer' }, summary: { new: 2, evolved: 0, repeats: 0 } });
    expect(shown.sections[0]).toEqual({
      id: 'delivery',
      title: 'Delivery',
      expectations: [{ id: expect.stringMatching(/^staff-engineer\/delivery\/[0-9a-f]{8}$/), text: "Plans the team's technical roadmap with its manager.", source: 'staff-engineer', line: 9 }],
    });
    // The same ids as show --json gives the same expectations.
    const full = JSON.parse((await runMain(['--ladder', uneven, 'show', 'staff', '--json'])).stdout);
    expect(full.sections[0].expectations.map((e: { id: string }) => e.id)).toContain(shown.sections[0].expectations[0].id);
  });

  it('refuses --new with --own (exit 2)', async () => {
    const run = await runMain(['show', 'vp', '--new', '--own']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: option '--own' cannot be used with option '--new'\n");
  });
});
