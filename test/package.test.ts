import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, role, runCli, writeTree, type CliRun } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** `node` first on the PATH, for the `#!/usr/bin/env node` of an installed bin. */
const PATH = [dirname(process.execPath), process.env.PATH].join(delimiter);

function run(command: string, args: string[], options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * npm as a user runs it from a shell: without the npm_* variables of the `npm test` that started vitest,
 * which would point the inner npm at this checkout. Only the registry is reachable and the npm cache is
 * warm, so prefer what is cached.
 */
function npm(args: string[], cwd: string): CliRun {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const result = run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], { cwd, env });
  if (result.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
  return result;
}

/** A repository whose ladder/ folder has an Engineer and a Senior Engineer; `senior` is the Senior's file. */
function repository(senior: string): string {
  return writeTree({
    'README.md': '# Our handbook\n',
    'ladder/makers/engineer.md': role('Engineer', null, { Craft: ['Writes readable code that follows the conventions.', 'Tests their changes'] }),
    'ladder/makers/senior-engineer.md': senior,
  });
}
const cleanSenior = role('Senior Engineer', 'Engineer', { Craft: ['Designs systems with the team.'] });
/** An empty section (an error), a restated expectation of the Engineer and trailing spaces (warnings, one fixable). */
const defectiveSenior = role('Senior Engineer', 'Engineer', {
  Craft: ['Writes readable code that follows the conventions.', 'Designs systems with the team.   '],
  Hiring: [],
});

describe('the npm package', () => {
  let tarball: string;
  let packed: string[];
  let prefix: string;
  /** What `npm install <tarball>` said, warnings included. */
  let installed: CliRun;
  /** Outside this repository, with no ladder of its own above it. */
  let elsewhere: string;
  const ladder = (args: string[], cwd = elsewhere) => run(join(prefix, 'node_modules', '.bin', 'ladder'), args, { cwd, env: { PATH } });

  // One tarball and one install, shared by every test below: installing is the slow part.
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'ladder-package-'));
    // `npm pack` runs `prepack`, the build, as publishing would. pre-commit reads its output as the name
    // of the tarball, so that must be all it prints.
    tarball = npm(['pack', '--pack-destination', out], repoRoot).stdout;
    packed = run('tar', ['-tzf', join(out, tarball.trim())]).stdout.trim().split('\n').map((path) => path.replace(/^package\//, '')).sort();
    prefix = join(out, 'prefix');
    installed = npm(['install', '--prefix', prefix, join(out, tarball.trim())], out);
    elsewhere = mkdtempSync(join(tmpdir(), 'ladder-elsewhere-'));
  });

  it('packs only what runs, its source maps and what a user reads: no sources, tests, fixtures or benchmarks', () => {
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz\n`);
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/ladder\.js|dist\/[\w-]+\.js(\.map)?|ladder\/.+\.md|schemas\/[\w-]+\.schema\.json)$/;
    expect(packed.filter((file) => !allowed.test(file))).toEqual([]);
    const tree = (folder: string) => readdirSync(join(repoRoot, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/ladder.js', 'dist/cli.js', 'dist/cli.js.map', 'dist/parse-worker.js', ...tree('ladder'), ...tree('schemas')]));
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The ladder authors\n/);
  });

  it('has a name of its own on the registry (ladder is another package), keeping the command ladder', () => {
    expect(pkg.name).toBe('career-ladder');
    expect(Object.keys(JSON.parse(readFileSync(join(prefix, 'node_modules', pkg.name, 'package.json'), 'utf8')).bin)).toEqual(['ladder']);
  });

  it('installs with no install-time script, so npm warns about none', () => {
    expect(Object.keys(pkg.scripts).filter((name) => /^(pre|post)?(install|prepare)$/.test(name))).toEqual([]);
    expect(installed.stderr).not.toMatch(/install-scripts|install script/i);
    expect(installed.stdout).not.toMatch(/install-scripts|install script/i);
  });

  it('runs as `npx ladder` in the folder it was installed into', () => {
    const npx = run('npx', ['--no-install', 'ladder', '--version'], { cwd: prefix, env: { PATH } });
    expect(npx).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(run('npx', ['--no-install', 'ladder', '--help'], { cwd: prefix, env: { PATH } }).stdout).toMatch(/^Usage: ladder /);
  });

  it('points --debug stack traces at src/, through the source maps it ships', () => {
    const repo = repository(cleanSenior);
    const plain = ladder(['show', 'principal'], repo);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = ladder(['--debug', 'show', 'principal'], repo);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^error: unknown role "principal"/);
    expect(debug.stderr).toMatch(/\n\s+at .*\bsrc\/commands\/show\.ts:\d+:\d+\)\n/);
    expect(debug.stderr).not.toMatch(/\bdist\//);
  });

  it('installs from the tarball without the development dependencies (no TypeScript, tsx or esbuild)', () => {
    expect(existsSync(join(prefix, 'node_modules', pkg.name, 'dist', 'cli.js'))).toBe(true);
    expect(Object.keys(pkg.devDependencies).filter((name) => existsSync(join(prefix, 'node_modules', name)))).toEqual([]);
    // dist/ bundles every library but yaml, so yaml is all an install needs beside ladder itself.
    const modules = readdirSync(join(prefix, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(modules.sort()).toEqual([pkg.name, ...Object.keys(pkg.dependencies)].sort());
  });

  it('runs from any folder: show falls back on the bundled ladder and says so, lint refuses to', () => {
    expect(elsewhere.startsWith(repoRoot)).toBe(false);
    expect(ladder(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const show = ladder(['show', 'vp-engineering']);
    const note = `warning: no ladder found from ${elsewhere}; showing the example ladder bundled with ladder — give --ladder <dir>\n`;
    expect(show).toEqual({ code: 0, stdout: runCli(['--example', 'show', 'vp-engineering']).stdout, stderr: note });
    expect(show.stdout).toMatch(/^VP, Engineering\nvp-engineering · track managers · level 5 · managers\/vp-engineering\.md\n/);
    expect(ladder(['lint'])).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^error: no ladder found from .*; run it inside your ladder, give --ladder <dir> or set LADDER_DIR\n$/) });
    expect(ladder(['--example', 'lint'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('lints a ladder of one\'s own, whole or file by file', () => {
    const repo = repository(defectiveSenior);
    expect(ladder(['lint'], repo).code).toBe(1);
    const file = ladder(['lint', '--json', 'ladder/makers/senior-engineer.md'], repo);
    expect(file.code).toBe(1);
    expect(JSON.parse(file.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['restates-inherited', 'trailing-whitespace', 'empty-section']);
  });

  // pre-commit installs a `language: node` hook as this package: `npm install` in a clone (which builds
  // dist/), `npm pack`, then a global install of the tarball, which puts `ladder` on the hook's PATH. The
  // tarball installed above stands in for that; the hook runs `entry`, then `args`, then the staged files
  // its `files` pattern matches, split on spaces (as pre-commit's shlex does for entries without quotes).
  describe('the pre-commit hooks in .pre-commit-hooks.yaml', () => {
    type Hook = { id: string; entry: string; args?: string[]; language: string; files: string; pass_filenames: boolean };
    const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    const hook = (id: string) => hooks.find((h) => h.id === id)!;
    const staged = ['README.md', 'ladder/makers/senior-engineer.md', 'docs/diagram.png'];
    const runHook = ({ entry, args = [], files }: Hook, repo: string) => {
      expect(entry).not.toMatch(/["'\\]/);
      const [command, ...words] = entry.split(/\s+/);
      const paths = join(prefix, 'node_modules', '.bin');
      return run(command!, [...words, ...args, ...staged.filter((file) => new RegExp(files).test(file))], { cwd: repo, env: { PATH: `${paths}${delimiter}${PATH}` } });
    };

    it('are Node hooks on Markdown files, passed by name', () => {
      expect(hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames])).toEqual([
        ['ladder-lint', 'ladder lint', 'node', true],
        ['ladder-lint-fix', 'ladder lint --fix', 'node', true],
      ]);
    });

    /** The note for the repository's README, which the hook passes with the role files. */
    const readmeNote = (repo: string) => `warning: README.md: not part of the ladder at ${join(repo, 'ladder')}; passed over\n`;

    it('ladder-lint fails on a defect in a staged file, naming it, and passes a clean one', () => {
      const repo = repository(defectiveSenior);
      const failed = runHook(hook('ladder-lint'), repo);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toBe(readmeNote(repo));
      // Named from the top of the repository, where the hook runs, so the terminal can open it.
      expect(failed.stdout).toMatch(/^ladder\/makers\/senior-engineer\.md\n/);
      expect(failed.stdout).toContain('restates-inherited');
      // The Engineer's own missing period is not in a staged file, so it is not reported.
      expect(failed.stdout).not.toMatch(/^ladder\/makers\/engineer\.md$/m);
      const clean = repository(cleanSenior);
      expect(runHook(hook('ladder-lint'), clean)).toEqual({ code: 0, stdout: '', stderr: readmeNote(clean) });
    });

    it('ladder-lint fails loudly where no ladder is found, rather than linting the bundled example', () => {
      const repo = writeTree({ 'README.md': '# A project\n', 'ladder/makers/senior-engineer.md': 'Notes, not a role.\n' });
      const run = runHook(hook('ladder-lint'), repo);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: no ladder found from /);
    });

    it('ladder-lint-fix fixes the staged files only, and fails on what it cannot fix', () => {
      const repo = repository(defectiveSenior);
      const engineer = readFileSync(join(repo, 'ladder/makers/engineer.md'), 'utf8');
      const failed = runHook(hook('ladder-lint-fix'), repo);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('empty-section');
      expect(failed.stdout).not.toContain('trailing-whitespace');
      expect(readFileSync(join(repo, 'ladder/makers/senior-engineer.md'), 'utf8')).toBe(defectiveSenior.replace('team.   \n', 'team.\n'));
      expect(readFileSync(join(repo, 'ladder/makers/engineer.md'), 'utf8')).toBe(engineer);
      const clean = repository(cleanSenior);
      expect(runHook(hook('ladder-lint-fix'), clean)).toEqual({ code: 0, stdout: '', stderr: readmeNote(clean) });
    });
  });
});

// The action's steps as the runner runs them: `shell: bash` is `bash --noprofile --norc -eo pipefail`,
// GITHUB_ACTION_PATH is the action's folder, and `${{ }}` expressions in `env` are replaced by their values.
// This checkout is the action's folder: the global setup has built dist/, which is what the install step
// (npm ci, then the build) leaves there on a runner, so that step is not run here.
describe('the GitHub Action in action.yml', () => {
  type Step = { name: string; shell: string; run: string; env?: Record<string, string>; 'working-directory'?: string };
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
  const lintStep = action.runs.steps.find((step) => step.run.includes('lint'))!;

  function runAction(workspace: string, inputs: Record<string, string> = {}): CliRun {
    const values: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...inputs };
    const expand = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
    const env = Object.fromEntries(Object.entries(lintStep.env ?? {}).map(([name, value]) => [name, expand(value)]));
    const script = join(mkdtempSync(join(tmpdir(), 'ladder-action-')), 'step.sh');
    writeFileSync(script, lintStep.run);
    return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env: { PATH, GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: workspace, ...env } });
  }

  it('is a composite action that installs, then lints with --format github; inputs reach the script only through env', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((step) => step.shell)).toEqual(['bash', 'bash']);
    expect(action.runs.steps[0]!.run).toMatch(/^npm ci\b/);
    expect(lintStep.run).toContain('lint --format github');
    expect(lintStep.run).not.toContain('${{');
    expect(Object.keys(action.inputs).sort()).toEqual(['ladder', 'max-warnings']);
  });

  it('fails the job on errors, with an annotation per finding, and passes a clean ladder', () => {
    const failed = runAction(repository(defectiveSenior));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('::error file=ladder/makers/senior-engineer.md,line=12,col=1,title=ladder(empty-section)::Section "Hiring" has no expectations;');
    expect(failed.stdout).toContain('::warning file=ladder/makers/engineer.md,');
    expect(runAction(repository(cleanSenior)).code).toBe(0);
  });

  it('fails the job where no ladder is found, instead of passing on the bundled example', () => {
    const run = runAction(writeTree({ 'README.md': '# A service\n', 'docs/setup.md': '# Setup\n\n## Steps\n\n1. Install.\n' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: no ladder found from .*give --ladder <dir>/);
  });

  it('takes the ladder folder and --max-warnings from its inputs', () => {
    const workspace = writeTree({ 'career/a.md': role('Engineer', null, { Craft: ['Writes code'] }) });
    expect(runAction(workspace, { ladder: 'career' })).toMatchObject({ code: 0, stdout: expect.stringMatching(/^::warning file=career\/a\.md,.*terminal-punctuation/) });
    const strict = runAction(workspace, { ladder: 'career', 'max-warnings': '0' });
    // Too many warnings fail the job: an error annotation on the run, not one more warning.
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('error: 1 warning, more than --max-warnings 0 allows\n');
    expect(strict.stdout).toMatch(/\n::error title=ladder::1 warning, more than --max-warnings 0 allows\n$/);
  });
});

describe('the README\'s "Install and use in CI"', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Install and use in CI'), readme.indexOf('\n## ', readme.indexOf('## Install and use in CI') + 1));
  const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parse(match[1]!) as Record<string, unknown>);

  it('uses the action with inputs it has, and hooks that exist', () => {
    const inputs = Object.keys((parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    const hookIds = (parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((hook) => hook.id);
    type Workflow = { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const steps = examples.filter((example) => 'jobs' in example).flatMap((workflow) => Object.values((workflow as Workflow).jobs).flatMap((job) => job.steps));
    const ours = steps.filter((step) => step.uses?.startsWith('OWNER/ladder@'));
    expect(ours).toHaveLength(1);
    expect(Object.keys(ours[0]!.with ?? {}).filter((input) => !inputs.includes(input))).toEqual([]);
    expect(steps.map((step) => step.uses)).toContain('github/codeql-action/upload-sarif@v3');
    const config = examples.find((example) => 'repos' in example) as { repos: { hooks: { id: string }[] }[] };
    expect(config.repos.flatMap((repo) => repo.hooks.map((hook) => hook.id)).filter((id) => !hookIds.includes(id))).toEqual([]);
  });
});
