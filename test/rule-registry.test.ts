import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { lintLadder } from '../src/lint/engine.js';
import { lintRules } from '../src/lint/rules/index.js';
import type { LadderConfig } from '../src/schema/config.js';
import { PROBLEM_CODES, type ProblemCode } from '../src/schema/parsed.js';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** For each problem code, a small ladder on which the loader or the graph reports it. */
const ladders: Record<ProblemCode, { tree: Record<string, string | Buffer>; config?: LadderConfig }> = {
  unreadable: { tree: { 'e.md': role('Engineer', null), 'huge.md': `Huge\n----\n\n${'word '.repeat(15_000)}\n` } },
  encoding: { tree: { 'e.md': role('Engineer', null), 'latin1.md': Buffer.from('Ingénieur\n---------\n', 'latin1') } },
  'front-matter': { tree: { 'x.md': '---\nlevel: high\n---\nX\n---\n\n### Craft\n* Codes.\n' } },
  'missing-title': { tree: { 'untitled.md': '(Inherits the role expectations of an Engineer)\n\n### Craft\n* Codes.\n' } },
  'unrecognised-parent-line': { tree: { 'e.md': role('Engineer', null), 's.md': 'Senior\n------\n\nThis role builds on Engineer.\n\n### Craft\n* Mentors.\n' } },
  'unused-inherits-pattern': {
    tree: { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Engineer') },
    config: { inherits: { patterns: ['Grows out of {parent}'] } },
  },
  'duplicate-id': { tree: { 'a.md': '---\nid: lead\n---\nTech Lead\n---------\n', 'b.md': '---\nid: lead\n---\nTeam Lead\n---------\n' } },
  'duplicate-title': { tree: { 'a.md': role('Alpha', null), 'b.md': role('Alpha', null) } },
  'unknown-parent': { tree: { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Enginer') } },
  'ambiguous-parent': {
    tree: { 'de.md': role('Director of Engineering', null), 'dp.md': role('Director of Platform', null), 'vp.md': role('VP', 'Director') },
  },
  'unknown-track-start': { tree: { 'e.md': role('Engineer', null) }, config: { tracks: { management: 'manager' } } },
  'level-order': { tree: { 'L1.md': role('Junior', null), 'l-1.md': role('Junior Two', null) }, config: { levels: { order: 'filename', inherit: 'previous' } } },
  'self-parent': { tree: { 'g.md': role('Gamma', 'Gamma') } },
  cycle: { tree: { 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha') } },
  'unread-part': { tree: { 'matrix.md': '| Skill | Junior |\n|---|---|\n| Code | Writes code. | Stray cell. |\n' }, config: { format: 'matrix' } },
  data: { tree: { 'levels.yaml': '- level: junior\n  area: Craft\n' }, config: { format: { reader: 'data', files: ['*.yaml'] } } },
};

async function problemsAndFindings({ tree, config = {} }: { tree: Record<string, string | Buffer>; config?: LadderConfig }) {
  const root = writeTree(tree);
  const loaded = await loadLadder(root, { documents: true, texts: true, config });
  const graph = buildGraph(loaded.roles, config);
  const { findings } = lintLadder({ root, loaded, graph }, config);
  return { problems: [...loaded.problems, ...graph.problems], findings };
}

describe('loader and graph problems in lint', () => {
  it('has a ladder above for every problem code, and each ladder reports its code', async () => {
    expect(Object.keys(ladders).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const [code, ladder] of Object.entries(ladders)) {
      const { problems } = await problemsAndFindings(ladder);
      expect(problems.map((p) => p.code), code).toContain(code);
    }
  });

  it('turns every problem into exactly one finding, from the one rule that declares its code', async () => {
    for (const ladder of Object.values(ladders)) {
      const { problems, findings } = await problemsAndFindings(ladder);
      for (const problem of problems) {
        const owners = lintRules.filter((rule) => 'problemCodes' in rule && (rule.problemCodes as readonly string[]).includes(problem.code));
        expect(owners.map((rule) => rule.meta.id), problem.code).toHaveLength(1);
        const place = `${problem.file}:${problem.line || 1}`;
        const matching = findings.filter((f) => `${f.file}:${f.line}` === place && f.message.slice(1).startsWith(problem.message.slice(1)));
        expect(matching.map((f) => f.ruleId), `${problem.code} at ${place}`).toEqual([owners[0]!.meta.id]);
      }
    }
  });
});

describe('rule ids in ladder.yaml', () => {
  const unknownRule = (line: number) => `error: ladder.yaml:${line}: unknown rule "trailing-space"; run "ladder lint --list-rules" for the rule ids\n`;

  it('refuses, when linting, an id the rule registry does not know, on the line that sets it', async () => {
    const cases: [string, string][] = [
      // The id also appears in a glob above; the error points at the rule setting, not the first mention.
      ['ignore:\n  - "trailing-space/*.md"\nrules:\n  terminal-punctuation: warn\n  # off for now\n  trailing-space: off\n', unknownRule(6)],
      ['rules:\n  "trailing-space": warn\n', unknownRule(2)],
      ['ignore: []\nrules: { trailing-space: off }\n', unknownRule(2)],
    ];
    for (const [yaml, stderr] of cases) {
      const run = await runMain(['--ladder', writeTree({ 'ladder.yaml': yaml, 'a.md': role('Engineer', null) }), 'lint']);
      expect({ code: run.code, stderr: run.stderr }, yaml).toEqual({ code: 2, stderr });
    }
  });

  it('accepts every id of the registry', async () => {
    const yaml = `rules:\n${lintRules.map((rule) => `  ${rule.meta.id}: off`).join('\n')}\n`;
    const run = await runMain(['--ladder', writeTree({ 'ladder.yaml': yaml, 'a.md': role('Engineer', null) }), 'lint']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
  });
});
