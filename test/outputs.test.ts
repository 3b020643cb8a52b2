import { describe, expect, it } from 'vitest';
import { compareLadders } from '../src/diff/changes.js';
import { compareRoles } from '../src/diff/compare-roles.js';
import { ladderHealth } from '../src/health/health.js';
import { LadderError } from '../src/errors.js';
import type { Exporter } from '../src/format/exporters.js';
import {
  changesOutputs,
  chosenOutput,
  diffOutputs,
  exportOutputs,
  graphOutputs,
  healthOutputs,
  lintOutputs,
  matrixOutputs,
  outputNames,
  stepsOutputs,
  type Outputs,
} from '../src/format/outputs.js';
import { buildGraph, roleTitles } from '../src/graph/build-graph.js';
import { ladderGraph } from '../src/graph/edges.js';
import { lookUpRole, openLadder } from '../src/ladder/open-ladder.js';
import { lintLadder, toReport } from '../src/lint/engine.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import { sharedRole } from '../src/resolve/shared-role.js';
import { ladderMatrix } from '../src/steps/matrix.js';
import { ladderSteps } from '../src/steps/steps.js';
import { role, streamedText, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** A small ladder with something for every format to say: two tracks, a thin step, a trailing space. */
const before = {
  'ic/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes with tests.', 'Asks for review early.'] }),
  'ic/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Ships whole features with tests.', 'Reviews the code of others.  '] }),
  'mgmt/manager.md': role('Engineering Manager', 'Senior Engineer', { People: ['Runs weekly one-on-ones.', 'Hires for the team.', 'Writes growth plans.'] }),
};
/** The same ladder one change later: a Staff role added, a Senior expectation reworded. */
const after = {
  ...before,
  'ic/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Ships whole features with tests and docs.', 'Reviews the code of others.  '] }),
  'ic/staff.md': role('Staff Engineer', 'Senior Engineer', { Delivery: ['Sets the technical direction of a team.'] }),
};
const ladderDir = writeTree(after);
const ladder = await openLadder({ flag: ladderDir, cwd: ladderDir, bundled: ladderDir, texts: true });
const { graph } = ladder;
const titles = roleTitles(graph);
const roles = [...graph.roles.values()].map((node) => resolveRole(graph, node));
const sharedRoles = [...graph.roles.values()].map((node) => sharedRole(graph, node));
const lintResult = lintLadder(ladder, ladder.config);
const changes = compareLadders(
  { graph: buildGraph((await loadLadder(writeTree(before))).roles), revision: 'v1', commit: '0123456789abcdef0123456789abcdef01234567' },
  { graph, revision: null, commit: null },
);

/** Every output's text, whatever shape its renderer gives: a string, a stream of pieces, or a folder of pages. */
function exportedText(exporter: Exporter): string {
  const head = { version: '0.0.0-test', generatedFrom: '.' };
  if (exporter.output === 'stream') return streamedText(exporter.render({ ...head, roles: sharedRoles }, titles));
  if (exporter.output === 'file') return exporter.render({ ...head, roles }, titles);
  return exporter.render({ ...head, roles }, titles).map((page) => `${page.path}\n${page.content}`).join('\n');
}

interface CommandOutputs<Render> {
  command: string;
  outputs: Outputs<Render>;
  /** Renders the fixture ladder's data for this command with one of its renderers. */
  render: (renderer: Render) => string;
}
const entry = <Render>(spec: CommandOutputs<Render>) => spec as CommandOutputs<unknown>;

/** Each command with its registry, in the order the registries are checked below. */
const registries = [
  entry({
    command: 'lint',
    outputs: lintOutputs,
    render: (format) => format(toReport(lintResult.findings), { color: false, rules: [], files: lintResult.files, version: '0.0.0-test', base: '', here: '' }),
  }),
  entry({
    command: 'diff',
    outputs: diffOutputs,
    render: (format) => format(compareRoles(roles.find((r) => r.id === 'senior')!, roles.find((r) => r.id === 'staff')!), { color: false, titles }),
  }),
  entry({ command: 'changes', outputs: changesOutputs, render: (format) => format(changes, { color: false }) }),
  entry({ command: 'health', outputs: healthOutputs, render: (format) => format(ladderHealth(graph), { color: false }) }),
  entry({ command: 'graph', outputs: graphOutputs, render: (format) => format(ladderGraph(graph)) }),
  entry({ command: 'export', outputs: exportOutputs, render: exportedText }),
  entry({ command: 'steps', outputs: stepsOutputs, render: (format) => format(ladderSteps(roles), { color: false }) }),
  entry({ command: 'matrix', outputs: matrixOutputs, render: (format) => format(ladderMatrix(roles, undefined, { all: true }), { color: false, titles }) }),
];

describe('every output of every command, over the same ladder', () => {
  it('has the fixture it needs: findings, a diff, changes', () => {
    expect(toReport(lintResult.findings).summary.warnings).toBeGreaterThan(0);
    expect(lookUpRole(ladder, 'staff').id).toBe('staff');
    expect(changes.summary).toMatchObject({ rolesAdded: 1, rolesChanged: 1 });
  });

  for (const { command, outputs, render } of registries) {
    for (const name of outputNames(outputs)) {
      it(`${command} --format ${name} renders`, async () => {
        const text = render(await outputs.formats[name]!());
        expect(text.trim()).not.toBe('');
        if (name === 'json') expect(() => JSON.parse(text)).not.toThrow();
      });
    }
  }

  it('has a json entry for every command that takes --json, and a default that is one of its formats', () => {
    for (const { command, outputs } of registries) {
      if (command !== 'export') expect(outputNames(outputs)).toContain('json');
      if (outputs.default !== undefined) expect(outputNames(outputs)).toContain(outputs.default);
    }
  });
});

describe('--format choices, --help and completion come from the registry', () => {
  for (const { command, outputs } of registries) {
    it(`${command}`, async () => {
      const names = outputNames(outputs);
      const completed = await runMain(['__complete', '--', command, '--format', '']);
      expect(completed.stdout.split('\n').filter(Boolean)).toEqual(names);
      expect((await runMain(['__complete', '--', command, '-f', ''])).stdout.split('\n').filter(Boolean)).toEqual(names);

      const help = (await runMain([command, '--help'])).stdout.replace(/\s+/g, ' ');
      const choices = names.map((name) => `"${name}"`).join(', ');
      expect(help).toContain(outputs.default ? `(choices: ${choices}, default: "${outputs.default}")` : `(choices: ${choices})`);

      const unknown = await runMain(['--ladder', ladderDir, command, '--format', 'pdf']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(`Allowed choices are ${names.join(', ')}.`);
    });
  }
});

describe('--json is the json entry of --format', () => {
  const args: Record<string, string[]> = { lint: ['lint'], diff: ['diff', 'senior', 'staff'], changes: ['changes', 'v1'], health: ['health'], graph: ['graph'] };

  for (const [command, commandArgs] of Object.entries(args)) {
    const outputs = registries.find((r) => r.command === command)!.outputs;
    it(`${command}: --json with any other --format exits 2 with one line, before reading anything`, async () => {
      for (const name of outputNames(outputs).filter((n) => n !== 'json')) {
        for (const order of [['--json', '--format', name], ['--format', name, '--json']]) {
          const run = await runMain(['--ladder', '/no/such/ladder', ...commandArgs, ...order]);
          expect(run).toEqual({ code: 2, stdout: '', stderr: `error: --json and --format ${name} disagree; give one of them\n` });
        }
      }
    });
  }

  for (const command of ['lint', 'diff', 'health', 'graph']) {
    it(`${command}: --format json --json is the same as --json`, async () => {
      const json = await runMain(['--ladder', ladderDir, ...args[command]!, '--json']);
      const both = await runMain(['--ladder', ladderDir, ...args[command]!, '--format', 'json', '--json']);
      expect(both).toEqual(json);
      expect(() => JSON.parse(both.stdout)).not.toThrow();
    });
  }

  it('the default format alone does not count as disagreeing', async () => {
    const run = await runMain(['--ladder', ladderDir, 'diff', 'senior', 'staff', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).to.id).toBe('staff');
  });
});

describe('chosenOutput (for callers that skip the command line)', () => {
  it('picks json for --json, the default without --format, and refuses a name the registry lacks', () => {
    expect(chosenOutput(diffOutputs, { json: true })).toBe('json');
    expect(chosenOutput(diffOutputs, {})).toBe('text');
    expect(chosenOutput(graphOutputs, { format: 'dot' })).toBe('dot');
    expect(() => chosenOutput(diffOutputs, { format: 'pdf' })).toThrow(new LadderError('unknown format "pdf"; use one of text, json, markdown'));
    expect(() => chosenOutput(exportOutputs, {})).toThrow(new LadderError('no --format given'));
  });
});
