import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRoles } from '../src/diff/compare-roles.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { lintLadder } from '../src/lint/engine.js';
import { restatesInherited } from '../src/lint/rules/restates-inherited.js';
import { leastYears } from '../src/lint/rules/years-of-experience.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import type { LadderConfig } from '../src/schema/config.js';
import { judge, scopeGrows } from '../src/text/judgement.js';
import { contentWords } from '../src/text/similarity.js';
import { bundledLadder, fixture, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { fixOnce, lintFolder } from './lint-helpers.js';

const conventions = (name: string) => fixture(`lint-conventions/${name}`);
/** `file:line message` of each finding of one rule. */
const findingsOf = async (root: string, ruleId: string, config?: LadderConfig) =>
  (await lintFolder(root, config)).filter((f) => f.ruleId === ruleId).map((f) => `${f.file}:${f.line} ${f.message}`);

describe('terminal-punctuation follows the ladder’s convention', () => {
  it('where two thirds end without a period, flags the few with one and says what the convention is', async () => {
    expect(await findingsOf(conventions('no-periods'), 'terminal-punctuation')).toEqual([
      'engineer.md:15 Expected no final "." after "Reads the code of the services they touch.": 11 of 15 expectations end without a period.',
      'senior-engineer.md:17 Expected no final "." after "Proposes improvements to the team\'s tooling.": 11 of 15 expectations end without a period.',
    ]);
  });

  it('where two thirds end with one, flags the few without', async () => {
    expect(await findingsOf(conventions('periods'), 'terminal-punctuation')).toEqual([
      'engineer.md:16 Expected a final "." after "Keeps pull requests small enough to review in one sitting", found "g": 13 of 14 expectations end with a period.',
    ]);
  });

  it('says nothing when the ladder is split about evenly', async () => {
    expect(await findingsOf(conventions('split'), 'terminal-punctuation')).toEqual([]);
  });

  it('expects a period when a ladder is too small to show a convention', async () => {
    const root = writeTree({ 'a.md': role('Engineer', null, { Craft: ['Writes code', 'Reviews code'] }) });
    expect(await findingsOf(root, 'terminal-punctuation')).toHaveLength(2);
  });

  it('takes the style from ladder.yaml: period or none, whatever the majority', async () => {
    const rule = (style: string): LadderConfig => ({ rules: { 'terminal-punctuation': ['warn', { style }] } });
    expect(await findingsOf(conventions('no-periods'), 'terminal-punctuation', rule('period'))).toHaveLength(11);
    const none = await findingsOf(conventions('periods'), 'terminal-punctuation', rule('none'));
    // Every one with a period; "?" is not one.
    expect(none).toHaveLength(12);
    expect(none[0]).toBe('engineer.md:8 Expected no final "." after "Ships small features end to end.".');
    expect(await findingsOf(conventions('split'), 'terminal-punctuation', rule('period'))).toHaveLength(6);
  });

  it('--fix takes the extra periods away, and linting again finds nothing to fix', async () => {
    const root = writeTree({});
    cpSync(conventions('no-periods'), root, { recursive: true });
    await fixOnce(root);
    expect(readFileSync(join(root, 'engineer.md'), 'utf8')).toContain('- Reads the code of the services they touch\n');
    expect(readFileSync(join(root, 'engineer.md'), 'utf8')).toContain('Git, Docker, CI, etc.\n');
    expect(await findingsOf(root, 'terminal-punctuation')).toEqual([]);
  });

  it('rejects options a rule does not take, naming the ladder.yaml line', async () => {
    const tree = (yaml: string) => writeTree({ 'a.md': role('Engineer', null), 'ladder.yaml': yaml });
    for (const [yaml, error] of [
      ['rules:\n  terminal-punctuation: [warn, { style: colon }]\n', 'error: ladder.yaml:2: rule "terminal-punctuation": option "style" '],
      ['rules:\n  final-newline: warn\n  terminal-punctuation: [warn, { stile: none }]\n', 'error: ladder.yaml:3: rule "terminal-punctuation": unknown option "stile"\n'],
      ['rules:\n  final-newline: [error, { style: none }]\n', 'error: ladder.yaml:2: rule "final-newline" takes no options; set it to off, warn or error\n'],
    ] as const) {
      const run = await runMain(['--ladder', tree(yaml), 'lint']);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(error), run.stderr).toBe(true);
    }
    const ok = await runMain(['--ladder', tree('rules:\n  terminal-punctuation: [error, { style: period }]\n'), 'lint', '--json']);
    expect(JSON.parse(ok.stdout).findings).toEqual([]);
  });
});

describe('years-of-experience compares the least each level asks for', () => {
  it('reads ceilings, floors, ranges and number words', () => {
    expect(leastYears('5 years or less')).toBe(0);
    expect(leastYears('up to 8 years')).toBe(0);
    expect(leastYears('at most 3 years')).toBe(0);
    expect(leastYears('less than two years')).toBe(0);
    expect(leastYears('at least 5 years')).toBe(5);
    expect(leastYears('5+ years')).toBe(5);
    expect(leastYears('5 or more years')).toBe(5);
    expect(leastYears('five years or more')).toBe(5);
    expect(leastYears('3–5 years')).toBe(3);
    expect(leastYears('3-5 years')).toBe(3);
    expect(leastYears('3 to 5 years')).toBe(3);
    expect(leastYears('between 4 and 6 years')).toBe(4);
    expect(leastYears('ten years')).toBe(10);
    expect(leastYears('a few years')).toBeNull();
  });

  it('flags a level asking for less than its ancestor, not one asking for the same or a ceiling after a ceiling', async () => {
    expect(await findingsOf(conventions('years'), 'years-of-experience')).toEqual([
      'principal-engineer.md:6 Expected at least the 5 years of Staff Engineer (staff-engineer.md:6), found "3 to 5 years" (at least 3).',
    ]);
  });
});

describe('one judgement of same, restated, evolved and new', () => {
  it('calls a wider scope an evolution, a narrower one or a part a restatement', () => {
    const at = (scope: string) => `Designs and reviews code at a ${scope} level.`;
    expect(judge(at('function/class'), at('module/component')).judgement).toBe('evolved');
    expect(judge(at('module/component'), at('function')).judgement).toBe('restated');
    expect(judge(at('system'), at('module')).judgement).toBe('restated');
    expect(judge('Keeps the team informed of progress on their tasks.', 'Keeps the group informed of progress on their projects.').judgement).toBe('evolved');
    expect(judge('Leads projects from design through launch.', 'Leads cross-team projects from design through launch.').judgement).toBe('evolved');
    expect(judge('Writes well-tested, readable code and reviews it promptly.', 'Writes well-tested code.').judgement).toBe('restated');
    expect(judge('Writes well-tested code.', 'Writes well-tested, readable code and reviews it promptly.').judgement).toBe('evolved');
    // Dropping a limit widens the duty: more is asked, nothing is restated.
    expect(judge('Mentors junior engineers.', 'Mentors engineers.').judgement).toBe('evolved');
    expect(judge('Completes assigned tasks with guidance from the team.', 'Completes tasks for the team.').judgement).toBe('evolved');
    expect(judge('Completes assigned tasks on time and asks for help when blocked.', 'Completes assigned tasks on time and asks for help when stuck.').judgement).toBe('restated');
    expect(judge('Ships code.', 'ships  code').judgement).toBe('same');
    expect(judge('Ships code.', 'Plans the quarterly roadmap.').judgement).toBe('new');
    // Scopes on different scales do not compare: a team is not a wider function; only likeness can pair them.
    expect(scopeGrows(contentWords(at('function')), contentWords('Designs and reviews code at a team level.'))).toBe(false);
    expect(scopeGrows(contentWords(at('function')), contentWords('Designs and reviews tests at a system level.'))).toBe(false);
  });

  it('lint flags the restatements and the repeats in the fixture, not the wider scopes', async () => {
    const found = (await lintFolder(conventions('scope'))).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    expect(found).toEqual(['senior-engineer.md:10 restates-inherited', 'staff-engineer.md:9 restates-inherited', 'staff-engineer.md:16 duplicate-expectation']);
  });

  it('lint and diff agree on every pair of expectations in the fixtures and the bundled ladder', async () => {
    const root = writeTree({
      'parent.md': role('Parent', null, { Work: ['Placeholder.'] }),
      'child.md': role('Child', 'Parent', { Work: fixtureExpectations() }),
    });
    const loaded = await loadLadder(root, { texts: true });
    const [parent, child] = [loaded.roles.find((r) => r.title === 'Parent')!, loaded.roles.find((r) => r.title === 'Child')!];
    const newer = child.sections[0]!.expectations;
    expect(newer.length).toBeGreaterThan(200);
    const tally = { restated: 0, evolved: 0 };
    // Each expectation in turn is the one the parent holds; the child holds them all, as the Markdown parser read them.
    for (const { text: older } of newer) {
      const [section] = parent.sections;
      const holding = { ...parent, sections: [{ ...section!, expectations: [{ ...section!.expectations[0]!, text: older }] }] };
      const graph = buildGraph([holding, child]);
      const flagged = new Set(lintLadder({ root, loaded: { ...loaded, roles: [holding, child] }, graph }, {}, [restatesInherited]).findings.map((f) => f.line));
      const lintRestated = new Set(newer.filter((e) => flagged.has(e.line)).map((e) => e.text));
      const [compared] = compareRoles(resolveRole(graph, graph.roles.get('parent')!), resolveRole(graph, graph.roles.get('child')!)).sections;
      const diffKept = new Set(compared!.keptExpectations!.filter((e) => e.source === 'child').map((e) => e.text));
      expect([...lintRestated].sort(), older).toEqual([...diffKept].sort());
      for (const added of compared!.added) if (added.evolvesFrom) expect(lintRestated.has(added.text), `${older} → ${added.text}`).toBe(false);
      tally.restated += diffKept.size - 1;
      tally.evolved += compared!.added.filter((e) => e.evolvesFrom).length;
    }
    // Both kinds occur (beyond each bullet matching itself), so the agreement is tested where it matters.
    expect(tally.restated).toBeGreaterThan(10);
    expect(tally.evolved).toBeGreaterThan(10);
  });
});

/** Every distinct bullet text under test/fixtures and in the bundled ladder, as the lines of Markdown give it. */
function fixtureExpectations(): string[] {
  const files = [...markdownFiles(join(repoRoot, 'test', 'fixtures')), ...markdownFiles(bundledLadder)];
  const texts = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((line) => /^\s*[-*+]\s+(\S.*)$/.exec(line)?.[1]?.trim())
      // A bullet that reads as a parent line or a heading would change the shape of the test ladder.
      .filter((text): text is string => text !== undefined && !/inherits|^#|^\[[ x]\]|[<>]/i.test(text)),
  );
  return [...new Set(texts)];
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(repoRoot, file).includes('node_modules'));
}
