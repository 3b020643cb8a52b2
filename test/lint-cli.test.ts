import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';
import { validateSarif } from './validate-sarif.js';

const messy = fixture('messy');
/** A ladder with one fixable warning (no final period) and nothing else. */
const warnOnly = () => writeTree({ 'a.md': role('Engineer', null, { Craft: ['Writes code'] }) });

describe('ladder lint (end to end)', () => {
  it('the bundled ladder lints clean: exit 0, nothing printed', async () => {
    expect(await runMain(['--example', 'lint'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('stylish (the default) groups the messy fixture by file, with the counts, and exits 1 on errors', async () => {
    const run = await runMain(['--ladder', messy, 'lint']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    // Named from the current folder, even when the ladder is not below it, for a terminal to open.
    expect(lines.filter((line) => /^\S/.test(line))).toEqual([
      ...['ic/senior-engineer.md', 'people/director.md', 'people/engineering-manager.md'].map((file) => relative(emptyFolder, join(messy, file))),
      '✖ 8 problems (2 errors, 6 warnings)',
    ]);
    const inside = await runMain(['--ladder', 'people/..', 'lint'], { cwd: messy });
    expect(inside.stdout.split('\n').filter((line) => /^\S/.test(line))[0]).toBe('ic/senior-engineer.md');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}10:3 {3}warning {2}Restates "Completes assigned tasks on time and asks for help when blocked\." inherited from Engineer \(ic\/engineer\.md:8\).* restates-inherited$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}5:103 {2}warning {2}Expected "an" before "Engineering Manager", found "a"\. +indefinite-article$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}3:39 {3}warning {2}Expected the exact title of the parent role, "Engineering Manager", found "engineering manager"\. +inherits-title-mismatch$/));
    expect(run.stdout).toContain('  4 problems potentially fixable with the `--fix` option.\n');
  });

  it('json: the documented shape, valid against schemas/lint-report.schema.json; --json is the same', async () => {
    const run = await runMain(['--ladder', messy, 'lint', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(validateAgainst('lint-report.schema.json', report)).toEqual([]);
    expect(report.summary).toEqual({ errors: 2, warnings: 6, fixable: 4 });
    expect(report.findings[1]).toEqual({
      ruleId: 'terminal-punctuation', severity: 'warning', file: 'ic/senior-engineer.md', line: 11, column: 40, fixable: true,
      message: 'Expected a final "." after "Breaks large projects into milestones", found "s": 21 of 22 expectations end with a period.',
    });
    expect((await runMain(['--ladder', messy, 'lint', '--json'])).stdout).toBe(run.stdout);
  });

  it('github: one workflow command per finding', async () => {
    const run = await runMain(['--ladder', messy, 'lint', '--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines).toContain('::error file=people/director.md,line=17,col=1,title=ladder(duplicate-section)::Section "Delivery" appears again (first on line 12); merge the two.');
  });

  it('sarif: valid SARIF 2.1.0 with a descriptor for every rule', async () => {
    const run = await runMain(['--ladder', messy, 'lint', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results).toHaveLength(8);
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThanOrEqual(23);
    // A rule that is off unless configured is described as disabled, not given a level SARIF lacks.
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'thin-step').defaultConfiguration).toEqual({ enabled: false });
  });

  it('junit: one test case per file, failed where there are findings', async () => {
    const run = await runMain(['--ladder', messy, 'lint', '--format', 'junit']);
    expect(run.code).toBe(1);
    // The five role files, and README.md and CHANGELOG.md, whose links are checked.
    expect(run.stdout.match(/<testcase /g)).toHaveLength(7);
    expect(run.stdout).toContain('<testsuites name="ladder lint" tests="7" failures="3">');
  });

  it('exits 0 on warnings alone, and 1 when they pass --max-warnings', async () => {
    const root = warnOnly();
    expect((await runMain(['--ladder', root, 'lint'])).code).toBe(0);
    expect((await runMain(['--ladder', root, 'lint', '--max-warnings', '1'])).code).toBe(0);
    const strict = await runMain(['--ladder', root, 'lint', '--max-warnings', '0']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('error: 1 warning, more than --max-warnings 0 allows\n');
  });

  it('exits 2 on usage errors: an unknown format, a bad --max-warnings, a missing ladder', async () => {
    const format = await runMain(['--ladder', messy, 'lint', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Allowed choices are stylish, json, github, sarif, junit/);
    expect((await runMain(['--ladder', messy, 'lint', '--max-warnings', 'many'])).code).toBe(2);
    expect((await runMain(['--ladder', '/nonexistent/ladder', 'lint'])).code).toBe(2);
  });

  it('reads rule severities and ignore globs from ladder.yaml', async () => {
    const root = writeTree({
      'ladder.yaml': 'rules:\n  terminal-punctuation: error\n  trailing-whitespace: off\nignore:\n  - drafts/**\n',
      'a.md': role('Engineer', null, { Craft: ['Writes code  '] }),
      'drafts/b.md': role('Draft', null).trimEnd(),
    });
    const run = await runMain(['--ladder', root, 'lint', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['terminal-punctuation:error']);
  });

  it('exits 2 naming ladder.yaml and the line for an unknown rule, a bad severity or bad YAML', async () => {
    const cases: [string, string][] = [
      ['rules:\n  terminal-punctuation: warn\n  trailing-space: off\n', 'error: ladder.yaml:3: unknown rule "trailing-space"; run "ladder lint --list-rules" for the rule ids\n'],
      ['rules:\n  lost-bullet: loud\n', 'error: ladder.yaml:2: "rules.lost-bullet" '],
      ['rules: [unclosed\n', 'error: ladder.yaml:'],
      ['colour: red\n', 'error: ladder.yaml:1: unknown key "colour"'],
    ];
    for (const [yaml, stderr] of cases) {
      const run = await runMain(['--ladder', writeTree({ 'ladder.yaml': yaml, 'a.md': role('Engineer', null) }), 'lint']);
      expect(run.code, yaml).toBe(2);
      expect(run.stderr.startsWith(stderr), run.stderr).toBe(true);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('honours disable comments in the files', async () => {
    const text = role('Engineer', null, { Craft: ['Writes code'] }).replace('* Writes code', '<!-- ladder-disable-next-line terminal-punctuation -->\n* Writes code');
    expect((await runMain(['--ladder', writeTree({ 'a.md': text }), 'lint', '--max-warnings', '0'])).code).toBe(0);
  });

  it('lists the rules, as text and as JSON', async () => {
    const text = await runMain(['lint', '--list-rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^trailing-whitespace +warning +fixable +A line ends with spaces or tabs \(two spaces before a line that continues the paragraph are a Markdown line break and stay\)\.$/m);
    const { rules } = JSON.parse((await runMain(['lint', '--list-rules', '--json'])).stdout);
    expect(text.stdout).toMatch(/^trailing-whitespace .*\n {4}flags: {2}"Writes code\. " \(a trailing space\)\n {4}passes: two spaces before/m);
    expect(rules).toContainEqual({ id: 'unknown-parent', description: expect.any(String), severity: 'error', fixable: false, flags: expect.any(String), passes: expect.any(String) });
  });

  it('has --help with examples', async () => {
    const help = await runMain(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--max-warnings');
  });
});
