import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, fixture, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** A ladder (its ladder.yaml marks the folder) of an Engineer, and a Senior who restates one of its expectations. */
function ladderTree(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'ladder.yaml': 'rules: {}\n',
    'makers/engineer.md': role('Engineer', null, { Craft: ['Writes readable code that follows the conventions.'] }),
    'makers/senior-engineer.md': role('Senior Engineer', 'Engineer', { Craft: ['Writes readable code that follows the conventions.', 'Designs systems.'] }),
    ...extra,
  };
}

const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: { file: string; ruleId: string }[] }).findings.map((f) => `${f.file} ${f.ruleId}`);

describe('ladder lint <file>...', () => {
  it('reports only the named files, each still checked against the whole ladder', async () => {
    const messy = fixture('messy');
    const run = await runMain(['--ladder', '.', 'lint', '--format', 'json', 'ic/senior-engineer.md'], { cwd: messy });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // restates-inherited needs engineer.md, which is not named; nothing about director.md's errors is said.
    expect(findingsOf(run.stdout)).toEqual([
      'ic/senior-engineer.md restates-inherited', 'ic/senior-engineer.md terminal-punctuation',
      'ic/senior-engineer.md trailing-whitespace', 'ic/senior-engineer.md lost-bullet',
    ]);
    const errors = await runMain(['--ladder', messy, 'lint', join(messy, 'people', 'director.md'), join(messy, 'ic', 'engineer.md')]);
    expect(errors.code).toBe(1);
    expect(errors.stdout.split('\n').filter((line) => /^\S/.test(line))).toEqual([relative(emptyFolder, join(messy, 'people/director.md')), '✖ 3 problems (2 errors, 1 warning)']);
  });

  it('takes paths from the current folder, and lists only the named files where a format lists every file', async () => {
    const messy = fixture('messy');
    const run = await runMain(['--ladder', '..', 'lint', '--format', 'junit', 'engineer.md'], { cwd: join(messy, 'ic') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<testsuites name="ladder lint" tests="1" failures="0">');
    expect(run.stdout).toContain('name="ic/engineer.md"');
  });

  it('passes over README.md, CHANGELOG.md and hidden folders without a word', async () => {
    const root = writeTree(ladderTree({ 'README.md': 'Our ladder\n', 'makers/CHANGELOG.md': '* v2\n', '.github/pull_request_template.md': '* item\n' }));
    const run = await runMain(['lint', 'README.md', '.github/pull_request_template.md', 'makers/engineer.md', 'makers/CHANGELOG.md'], { cwd: root });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('warns once about each path it cannot lint, notes Markdown outside the ladder, and lints the rest', async () => {
    const root = writeTree(ladderTree({ 'logo.png': 'not markdown', 'makers/notes/x.txt': '' }));
    const outside = writeTree({ 'guide.md': role('Guide', null) });
    const run = await runMain(['lint', '--format', 'json', 'missing.md', 'logo.png', 'makers', join(outside, 'guide.md'), 'makers/senior-engineer.md', 'missing.md'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      `warning: ${join(outside, 'guide.md')}: not part of the ladder at ${root}; passed over`,
      'warning: missing.md: no such file; skipped',
      'warning: logo.png: not a Markdown file, so not a role; skipped',
      'warning: makers: not a file; skipped (name role files, or none to lint the whole ladder)',
      '',
    ]);
    expect(findingsOf(run.stdout)).toEqual(['makers/senior-engineer.md restates-inherited']);
  });

  it('exits 2 when none of the files can be linted, and 0 with an empty report when all were passed over quietly', async () => {
    // A README.md inside the ladder is linted for its links; a template in a hidden folder is passed over.
    const root = writeTree(ladderTree({ '.github/pull_request_template.md': '* item\n' }));
    const template = '.github/pull_request_template.md';
    expect(await runMain(['lint', 'missing.md', template], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'warning: missing.md: no such file; skipped\n' });
    const quiet = await runMain(['lint', '--json', template], { cwd: root });
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(quiet.stdout)).toEqual({ findings: [], summary: { errors: 0, warnings: 0, fixable: 0 } });
  });

  it('finds the ladder upward from the files, as a commit hook at the top of the repository needs', async () => {
    const repo = writeTree({
      'README.md': '# Handbook\n',
      ...Object.fromEntries(Object.entries(ladderTree({ 'ladder.yaml': 'rules:\n  restates-inherited: error\n' })).map(([file, text]) => [`handbook/career/${file}`, text])),
    });
    const run = await runMain(['lint', 'README.md', 'handbook/career/makers/senior-engineer.md'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`warning: README.md: not part of the ladder at ${join(repo, 'handbook', 'career')}; passed over\n`);
    // Named from the current folder, as the hook's user typed it, so a terminal or an editor opens it.
    expect(run.stdout).toMatch(/^handbook\/career\/makers\/senior-engineer\.md\n.*error .*restates-inherited$/m);
    // --ladder still wins, relative to the current folder: the file is then not part of the ladder linted.
    const other = writeTree(ladderTree());
    expect(await runMain(['--ladder', other, 'lint', 'handbook/career/makers/senior-engineer.md'], { cwd: repo })).toEqual({
      code: 0, stdout: '', stderr: `warning: handbook/career/makers/senior-engineer.md: not part of the ladder at ${other}; passed over\n`,
    });
  });

  it('takes a file given through the real path of a linked ladder folder', async () => {
    const root = writeTree(ladderTree());
    const link = join(mkdtempSync(join(tmpdir(), 'ladder-link-')), 'ladder');
    symlinkSync(root, link);
    const run = await runMain(['--ladder', link, 'lint', '--json', join(root, 'makers', 'senior-engineer.md')]);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout)).toEqual(['makers/senior-engineer.md restates-inherited']);
  });

  it('--fix rewrites only the named files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ladder-fix-files-'));
    cpSync(fixture('messy'), root, { recursive: true });
    const manager = readFileSync(join(root, 'people', 'engineering-manager.md'));
    const run = await runMain(['--ladder', root, 'lint', '--fix', '--json', join(root, 'ic', 'senior-engineer.md')]);
    expect(run.code).toBe(0);
    expect(findingsOf(run.stdout)).toEqual(['ic/senior-engineer.md restates-inherited', 'ic/senior-engineer.md lost-bullet']);
    expect(readFileSync(join(root, 'ic', 'senior-engineer.md'), 'utf8')).toContain('- Breaks large projects into milestones.\n');
    expect(readFileSync(join(root, 'people', 'engineering-manager.md')).equals(manager)).toBe(true);
  });
});
