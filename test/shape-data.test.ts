import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLadderConfig } from '../src/load/config.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { fixture, gitEnv, writeTree, type CliRun } from './helpers.js';
import { runMain } from './in-process.js';

const json = (run: CliRun) => JSON.parse(run.stdout);
const YAML_SHAPE = 'shapes/data-yaml';
const JSON_SHAPE = 'shapes/data-json';
const DATA = 'format:\n  reader: data\n  files: ["*.yml", "*.yaml", "*.json"]\n';

function copyOf(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-data-'));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

async function loaded(root: string) {
  const { roles, problems } = await loadLadder(root, { config: await readLadderConfig(root) });
  const expectations = roles.map((r) => r.sections.map((s) => [s.title, s.expectations.map((e) => [e.id, e.line, e.column, e.endLine, e.text, e.examples ?? []])]));
  return { roles, problems, expectations };
}

describe('reader: a ladder kept as YAML or JSON data', () => {
  it('reads each level of the YAML records as a role, each area a section, each competency at its line with its id and examples', async () => {
    const { roles, problems, expectations } = await loaded(fixture(YAML_SHAPE));
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.file, r.track, r.parent?.name ?? null, r.declaredLevel])).toEqual([
      ['junior', 'Junior', 'competencies.yml', 'competencies', null, 1],
      ['mid', 'Mid', 'competencies.yml', 'competencies', 'junior', 2],
      ['senior', 'Senior', 'competencies.yml', 'competencies', 'mid', 3],
      ['principal', 'Principal', 'competencies.yml', 'competencies', 'senior', 4],
    ]);
    expect(expectations).toEqual([
      [
        ['Technical', [
          ['tech-writes-tests', 5, 12, 5, 'Writes tests that cover the behaviour they add.', ['Added a regression test before fixing a rounding bug in invoices.']],
          ['tech-reads-code', 11, 12, 11, 'Finds their way around an unfamiliar codebase with help.', []],
        ]],
        ['Delivery', [['delivery-small-changes', 15, 12, 15, 'Ships work in small changes that are easy to review.', []]]],
      ],
      [
        ['Technical', [['tech-designs-features', 19, 12, 21, 'Designs features that fit the existing architecture and writes down the choices made.', []]]],
        ['Delivery', [['delivery-estimates', 26, 12, 26, 'Estimates their own work and says early when it slips.', []]]],
        ['Communication', [['comms-explains', 30, 12, 30, 'Explains technical decisions to people outside engineering.', ['Walked the support team through the new refund flow.', 'Wrote the launch note for the search rewrite.']]]],
      ],
      [
        ['Technical', [['tech-owns-systems', 37, 12, 37, 'Owns the design and health of a system end to end.', []]]],
        ['Communication', [['comms-mentors', 41, 12, 41, 'Mentors other engineers, and their growth shows it.', []]]],
        ['Delivery', [['delivery-leads-projects', 45, 12, 45, 'Leads projects of several engineers to delivery.', []]]],
      ],
      [['Technical', [['tech-sets-direction', 49, 12, 49, 'Sets technical direction across several teams.', ['Chose the event-streaming platform the whole department now uses.']]]]],
    ]);
    const lines = readFileSync(join(fixture(YAML_SHAPE), 'competencies.yml'), 'utf8').split('\n');
    // The place of each competency is its text's (or a quoted text's quote, or a folded one's ">").
    for (const e of roles.flatMap((r) => r.sections.flatMap((s) => s.expectations))) {
      const at = lines[e.line - 1]!.slice(e.column - 1);
      expect([e.text, `"${e.text}"`, '>'].some((start) => at.startsWith(start)), `line ${e.line}`).toBe(true);
    }
  });

  it('reads JSON with the keys ladder.yaml names, numeric levels in order', async () => {
    const { roles, problems, expectations } = await loaded(fixture(JSON_SHAPE));
    expect(problems).toEqual([]);
    expect(roles.map((r) => [r.id, r.title, r.track, r.parent?.name ?? null])).toEqual([
      ['level-1', 'Level 1', 'framework', null],
      ['level-2', 'Level 2', 'framework', 'level-1'],
      ['level-3', 'Level 3', 'framework', 'level-2'],
    ]);
    expect(expectations).toEqual([
      [['Operations', [['P-1', 4, 72, 4, 'Follows the runbook to handle routine alerts.', []]]], ['Code', [['P-2', 5, 66, 5, 'Makes small fixes to infrastructure code with review.', []]]]],
      [['Operations', [['P-3', 6, 72, 6, 'Leads the response to a service incident.', ['Ran the response to the March DNS outage.']]]], ['Code', [['P-4', 7, 66, 7, 'Writes modules other teams reuse.', []]]]],
      [['Operations', [['P-5', 8, 72, 8, 'Designs alerting that pages only for what needs a human.', []]]], ['Code', [['P-6', 9, 66, 9, 'Reviews infrastructure changes across the platform.', []]]]],
    ]);
    const lines = readFileSync(join(fixture(JSON_SHAPE), 'framework.json'), 'utf8').split('\n');
    for (const e of roles.flatMap((r) => r.sections.flatMap((s) => s.expectations))) expect(lines[e.line - 1]!.slice(e.column - 1)).toMatch(new RegExp(`^"${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  it('orders named levels as ladder.yaml lists them; inherit: none leaves each level alone', async () => {
    const root = writeTree({
      'ladder.yaml': 'format:\n  reader: data\n  files: [levels.yaml]\n  levels: [Associate, Senior, Staff]\n  inherit: none\n',
      'levels.yaml': 'competencies:\n  - { level: Staff, theme: Impact, text: Shapes a department\'s roadmap. }\n  - { level: Associate, theme: Impact, text: Finishes assigned work. }\n  - { level: Senior, text: Leads a project. }\n',
    });
    const run = await runMain(['--ladder', root, 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run).roles.map((r: { id: string; level: number; inherits: string | null }) => [r.id, r.level, r.inherits])).toEqual([
      ['associate', 1, null],
      ['senior', 2, null],
      ['staff', 3, null],
    ]);
    // A competency with no theme lands in one section named for them all.
    const senior = json(await runMain(['--ladder', root, 'show', 'senior', '--json']));
    expect(senior.sections.map((s: { title: string }) => s.title)).toEqual(['Competencies']);
  });

  it('a files: glob that matches no data file is an error at its ladder.yaml line', async () => {
    const root = writeTree({ 'ladder.yaml': 'format:\n  reader: data\n  files:\n    - competencies.yml\n    - data/*.yaml\n', 'competencies.yml': '- { level: 1, text: Reads code. }\n' });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    expect(json(lint).findings.map((f: { file: string; line: number; message: string }) => `${f.file}:${f.line}: ${f.message}`)).toEqual([
      'ladder.yaml:5: "format: files:" glob "data/*.yaml" matches no .yaml, .yml or .json file of the ladder; write the path relative to the ladder folder, or remove it.',
    ]);
  });

  it('without a data format, YAML and JSON files are never read as roles', async () => {
    const root = copyOf(YAML_SHAPE);
    rmSync(join(root, 'ladder.yaml'));
    const { roles } = await loadLadder(root, { config: {} });
    expect(roles).toEqual([]);
  });

  it('broken data: each defect is one finding at its line, the other records still read, never a crash', async () => {
    const root = writeTree({
      'ladder.yaml': DATA,
      'a.yml': [
        '- id: a1',
        '  level: junior',
        '  area: Craft',
        '  summary: Writes code.',
        '- id: a1',
        '  level: senior',
        '  area: Craft',
        '  summary: Designs systems.',
        '- id: a3',
        '  level: senior',
        '  area: Craft',
        '- id: a4',
        '  level: senior',
        '  summary: [not, one, text]',
        '- just a string',
        '',
      ].join('\n'),
      'b.json': '{ "competencies": [ { "level": 1, "text": "Reads." },\n  { "level": 2 "text": "Writes." } ] }\n',
      'c.yaml': 'name: not a ladder\n',
    });
    const lint = await runMain(['--ladder', root, 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    const found = json(lint).findings.filter((f: { ruleId: string }) => f.ruleId === 'front-matter').map((f: { file: string; line: number; message: string }) => `${f.file}:${f.line}: ${f.message}`);
    expect(found).toEqual([
      'a.yml:5: Competency id "a1" is already used on line 1; give each competency its own id.',
      'a.yml:9: Competency has no "summary" or "text" or "description"; add it, or name the key under "format: fields:" in ladder.yaml.',
      'a.yml:14: "summary" of a competency must be one text, not a list or mapping.',
      'a.yml:15: A competency must be a mapping with "level", "theme" or "area" or "competency" and "summary" or "text" or "description".',
      expect.stringMatching(/^b\.json:2: Not valid YAML or JSON: /),
      'c.yaml:1: Holds no list of competencies (records with "level" and "summary" or "text" or "description"); check "format: files:" in ladder.yaml.',
    ]);
    // The repeated id is read apart, never merged into the first.
    const senior = json(await runMain(['--ladder', root, 'show', 'senior', '--json']));
    expect(senior.sections[0].expectations.map((e: { id: string; text: string }) => [e.id, e.text])).toEqual([
      ['a1', 'Writes code.'],
      ['a1-2', 'Designs systems.'],
    ]);
  });

  it('lint --fix never edits a data file; the finding says it is not fixable in this shape', async () => {
    const text = '- id: x\n  level: junior\n  area: Craft\n  summary: "Writes code"   \n';
    const root = writeTree({ 'ladder.yaml': DATA, 'x.yml': text });
    const lint = json(await runMain(['--ladder', root, 'lint', '--format', 'json']));
    const rules = lint.findings.map((f: { ruleId: string; line: number; fixable: boolean }) => [f.ruleId, f.line, f.fixable]);
    expect(rules).toEqual(expect.arrayContaining([['terminal-punctuation', 4, false], ['trailing-whitespace', 4, false]]));
    expect(lint.findings.every((f: { message: string }) => !f.message.includes('Expected') || f.message.includes('Not fixable in this shape'))).toBe(true);
    await runMain(['--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'x.yml'), 'utf8')).toBe(text);
  });
});

describe('commands on a ladder kept as data', () => {
  it('show (with examples), show --new, list, diff, lint, export and health work on it', async () => {
    const root = fixture(YAML_SHAPE);
    const show = await runMain(['--ladder', root, 'show', 'senior']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Inherits: Mid → Junior');
    expect(show.stdout).toContain('○ Explains technical decisions to people outside engineering. (Mid)\n      e.g. Walked the support team through the new refund flow.\n      e.g. Wrote the launch note for the search rewrite.\n');
    const shown = json(await runMain(['--ladder', root, 'show', 'mid', '--json']));
    expect(shown.sections[0].expectations[0]).toEqual({
      id: 'tech-writes-tests',
      text: 'Writes tests that cover the behaviour they add.',
      source: 'junior',
      line: 5,
      examples: ['Added a regression test before fixing a rounding bug in invoices.'],
    });
    const fresh = await runMain(['--ladder', root, 'show', '--new', 'principal']);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('● Sets technical direction across several teams.\n      e.g. Chose the event-streaming platform the whole department now uses.\n');
    expect(fresh.stdout).not.toContain('Owns the design and health of a system end to end.');
    const list = json(await runMain(['--ladder', root, 'list', '--json']));
    expect(list.roles.map((r: { id: string; level: number }) => `${r.id}@${r.level}`)).toEqual(['junior@1', 'mid@2', 'senior@3', 'principal@4']);
    const diff = await runMain(['--ladder', root, 'diff', 'mid', 'senior', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('Leads projects of several engineers to delivery.');
    const lint = await runMain(['--ladder', root, 'lint']);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    const exported = json(await runMain(['--ladder', root, 'export', '--format', 'json', '--out', '-']));
    const ids = exported.roles.find((r: { id: string }) => r.id === 'principal').sections.flatMap((s: { expectations: { id: string }[] }) => s.expectations.map((e) => e.id));
    expect(ids).toEqual(['tech-writes-tests', 'tech-reads-code', 'tech-designs-features', 'tech-owns-systems', 'tech-sets-direction', 'delivery-small-changes', 'delivery-estimates', 'delivery-leads-projects', 'comms-explains', 'comms-mentors']);
    const yaml = await runMain(['--ladder', root, 'export', '--format', 'yaml', '--out', '-']);
    expect(yaml.stdout).toContain('Chose the event-streaming platform the whole department now uses.');
    const health = await runMain(['--ladder', root, 'health']);
    expect(health.stderr).toBe('');
    expect(health.stdout).toContain('competencies');
  });

  it('export csv, markdown and html carry the examples with their expectation', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ladder-data-export-'));
    const root = fixture(YAML_SHAPE);
    expect((await runMain(['--ladder', root, 'export', '--format', 'csv', '--out', 'l.csv'], { cwd })).code).toBe(0);
    const csv = readFileSync(join(cwd, 'l.csv'), 'utf8');
    expect(csv).toContain('mid,Mid,competencies,2,Communication,Explains technical decisions to people outside engineering.,mid,30,comms-explains,"Walked the support team through the new refund flow.\nWrote the launch note for the search rewrite."\r\n');
    expect((await runMain(['--ladder', root, 'export', '--format', 'markdown', '--out', 'md'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'md', 'principal.md'), 'utf8')).toContain('- ● <a id="tech-sets-direction"></a>Sets technical direction across several teams.\n  - e.g. Chose the event-streaming platform the whole department now uses.\n');
    expect((await runMain(['--ladder', root, 'export', '--format', 'html', '--out', 'site'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'site', 'junior.html'), 'utf8')).toContain('<ul class="examples"><li>e.g. Added a regression test before fixing a rounding bug in invoices.</li></ul>');
  });

  for (const [name, expectedConfig] of [
    [YAML_SHAPE, { format: { reader: 'data', files: ['competencies.yml'], levels: ['junior', 'mid', 'senior', 'principal'] } }],
    [JSON_SHAPE, { format: { reader: 'data', files: ['framework.json'], fields: { id: 'key', level: 'grade', theme: 'category', text: 'statement' } } }],
  ] as const) {
    it(`init sees ${name}, and its ladder.yaml makes list --json right`, async () => {
      const root = copyOf(name);
      rmSync(join(root, 'ladder.yaml'));
      const proposal = await runMain(['init', '--dir', root]);
      expect(proposal.code, proposal.stderr).toBe(0);
      expect(proposal.stdout).toContain('Shape: a ladder kept as data, competency records with a level each: ');
      const written = await runMain(['init', '--dir', root, '--write']);
      expect(written.code, written.stderr).toBe(0);
      expect(await readLadderConfig(root)).toEqual(expectedConfig);
      const list = json(await runMain(['--ladder', root, 'list', '--json']));
      expect(list).toEqual(json(await runMain(['--ladder', fixture(name), 'list', '--json'])));
      expect(list.roles.length).toBeGreaterThan(2);
    });
  }

  it('init names a data file whose records have no text it knows, with the keys they have', async () => {
    const root = writeTree({ 'skills.yaml': '- { level: 1, blurb: Reads code. }\n- { level: 2, blurb: Writes code. }\n' });
    const run = await runMain(['init', '--dir', root]);
    expect(run.stdout).toContain('skills.yaml:1');
    expect(run.stdout).toContain('records have a "level" but no expectation text the reader knows (keys: level, blurb)');
    expect(run.stdout).not.toContain('every role resolves');
  });

  it('changes reads both revisions of the data file and names the level that changed', async () => {
    const root = copyOf(YAML_SHAPE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    git('tag', 'v1');
    const file = join(root, 'competencies.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Owns the design and health of a system end to end.', 'Owns the design, cost and health of a system end to end.'));
    git('commit', '-q', '-am', 'second');
    const run = await runMain(['--ladder', root, 'changes', 'v1', '--format', 'json'], { env: { ...gitEnv } });
    expect(run.code, run.stderr).not.toBe(2);
    expect(json(run).roles.map((r: { id: string; status: string }) => `${r.status}:${r.id}`)).toEqual(['changed:senior']);
  });
});
