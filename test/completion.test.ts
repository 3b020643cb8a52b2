import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** A PATH whose `ladder` is this repository's bin, as after `npm install -g`. */
const binFolder = mkdtempSync(join(tmpdir(), 'ladder-bin-'));
symlinkSync(join(repoRoot, 'bin', 'ladder.js'), join(binFolder, 'ladder'));
const cwd = mkdtempSync(join(tmpdir(), 'ladder-cwd-'));
const env = { PATH: `${binFolder}:${process.env.PATH}` };
const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

/** Runs a script in a shell without the user's start-up files, which could add their own completions. */
function shell(program: 'bash' | 'zsh' | 'fish', script: string) {
  const noStartup = { bash: ['--norc', '--noprofile'], zsh: ['-f'], fish: ['--no-config'] }[program];
  const run = spawnSync(program, [...noStartup, '-c', script], { cwd, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const complete = async (...words: string[]) => (await runMain(['__complete', '--', ...words])).stdout.split('\n').filter(Boolean);

describe('ladder __complete (what the scripts call)', () => {
  it('offers commands, then the flags commander knows for the command, then role ids', async () => {
    expect(await complete('')).toEqual(expect.arrayContaining(['show', 'list', 'graph', 'search', 'completion']));
    expect(await complete('')).not.toContain('__complete');
    expect(await complete('search', '--')).toEqual(expect.arrayContaining(['--role', '--section', '--json', '--ladder', '--help']));
    expect(await complete('show', '')).toEqual(expect.arrayContaining(['vp-engineering', 'engineer', 'engineering-manager']));
    expect(await complete('search', 'x', '--role', '')).toContain('staff-engineer');
  });

  it('offers the choices of an argument or option, and nothing for free text', async () => {
    expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete('graph', '--format', '')).toEqual(['mermaid', 'dot', 'json']);
    expect(await complete('search', '')).toEqual([]);
  });

  it('reads ids and aliases (front matter included) of the ladder named on the command line', async () => {
    const root = writeTree({
      'makers/eng.md': role('Engineer', null),
      'makers/sen.md': `---\nid: senior\naliases: [Senior Dev, SE]\n---\n${role('Senior Engineer', 'Engineer')}`,
      'README.md': '# not a role\n',
    });
    expect((await complete('--ladder', root, 'show', '')).sort()).toEqual(['eng', 'se', 'senior', 'senior-dev']);
    expect((await complete(`--ladder=${root}`, 'show', '')).sort()).toEqual(['eng', 'se', 'senior', 'senior-dev']);
    expect((await runMain(['__complete', '--', 'show', ''], { env: { LADDER_DIR: root } })).stdout.split('\n').filter(Boolean).sort()).toEqual(['eng', 'se', 'senior', 'senior-dev']);
  });

  it('names roles as the loader and graph do: folder ids for a shared file name, a refused id or alias list dropped', async () => {
    const root = writeTree({
      'backend/senior.md': role('Backend Senior', null),
      'frontend/senior.md': role('Frontend Senior', null),
      'odd.md': `---\nid: "$(rm -rf ~)"\naliases: [Odd One, "  "]\n---\n${role('Odd', null)}`,
      'named.md': `---\r\nid: lead\r\naliases: [Tech Lead]\r\n---\r\n${role('Lead', null)}`,
    });
    const offered = (await complete('--ladder', root, 'show', '')).sort();
    expect(offered).toEqual(['backend/senior', 'frontend/senior', 'lead', 'odd', 'tech-lead']);
    const listed = await runMain(['--ladder', root, '--no-cache', 'list', '--json']);
    const ids = (JSON.parse(listed.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id);
    expect(offered.filter((name) => name !== 'tech-lead')).toEqual([...ids].sort());
  });

  it('leaves out files ladder.yaml ignores, and ignores a broken ladder.yaml rather than fail', async () => {
    const root = writeTree({
      'ladder.yaml': 'ignore: ["**/*_path.md"]\n',
      'software_engineer.md': role('Software Engineer', null),
      'engineer_path.md': '# Engineer path\n',
    });
    expect(await complete('--ladder', root, 'show', '')).toEqual(['software_engineer']);
    writeFileSync(join(root, 'ladder.yaml'), 'ignore: [\n');
    expect((await complete('--ladder', root, 'show', '')).sort()).toEqual(['engineer_path', 'software_engineer']);
  });

  it('stays quiet when the ladder cannot be found', async () => {
    const run = await runMain(['__complete', '--', '--ladder', '/no/such/folder', 'show', '']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('ladder completion bash (sourced in bash)', () => {
  const bash = (words: string[]) =>
    shell('bash', `source <(ladder completion bash)
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_ladder_complete; printf '%s\\n' "\${COMPREPLY[@]}"`);

  it('completes role ids, flags and commands through COMPREPLY', () => {
    expect(bash(['ladder', 'show', 'vp'])).toEqual({ code: 0, stdout: 'vp-engineering\n', stderr: '' });
    expect(bash(['ladder', 'show', '--j']).stdout).toBe('--json\n');
    expect(bash(['ladder', 'gr']).stdout).toBe('graph\n');
    expect(bash(['ladder', 'show', 'engineering-']).stdout.split('\n').filter(Boolean).sort()).toEqual(['engineering-director', 'engineering-manager']);
  });

  it('is valid bash', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ladder-completion-')), 'ladder.bash');
    writeFileSync(file, (await runMain(['completion', 'bash'])).stdout);
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
  });
});

describe('ladder completion zsh and fish', () => {
  it('prints scripts that call back into ladder for the words typed so far', async () => {
    const zsh = await runMain(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout).toMatch(/^#compdef ladder\n/);
    expect(zsh.stdout).toContain('ladder __complete -- ');
    const fish = await runMain(['completion', 'fish']);
    expect(fish.code).toBe(0);
    expect(fish.stdout).toContain("complete -c ladder -f -a '(__ladder_complete)'");
    expect((await runMain(['completion', 'tcsh'])).code).toBe(2);
  });

  it.skipIf(!has('zsh'))('zsh: the script parses and hands role ids and flags to compadd', async () => {
    // compadd and compdef only exist inside the completion system; stand-ins record what they are given.
    const run = (words: string[]) =>
      shell('zsh', `compdef() {}; compadd() { print -l -- \${(P)\${@[-1]}} }; _files() { print FILES }
source <(ladder completion zsh); words=(${words.map((w) => `'${w}'`).join(' ')}); CURRENT=${words.length}; _ladder`);
    expect(spawnSync('zsh', ['-n'], { input: (await runMain(['completion', 'zsh'])).stdout }).status).toBe(0);
    expect(run(['ladder', 'show', 'vp']).stdout).toContain('vp-engineering\n');
    expect(run(['ladder', 'show', '--j']).stdout).toContain('--json\n');
    expect(run(['ladder', '--ladder', '']).stdout).toBe('FILES\n');
  });

  it.skipIf(!has('fish'))('fish: `complete -C` completes role ids, flags and commands', () => {
    const run = (line: string) => shell('fish', `source (ladder completion fish | psub); complete -C '${line}'`).stdout;
    expect(run('ladder show vp')).toBe('vp-engineering\n');
    expect(run('ladder show --j')).toBe('--json\n');
    expect(run('ladder gr')).toBe('graph\n');
  });
});
