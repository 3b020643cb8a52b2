import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readsBackAs } from '../src/format/ladder-yaml.js';
import { textOf } from '../src/load/mdast-text.js';
import { parseMarkdown } from '../src/load/parse-role.js';
import { repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** Runs the CLI in-process, as the binary would, and collects what it prints. */
function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}) {
  return runMain(argv, { ...options, cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'ladder-cwd-')), env: { LADDER_CACHE_DIR: '', ...options.env } });
}

/** A folder holding a `ladder` program: the repository's bin, or a stand-in script. */
function pathWithLadder(stub?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'ladder-bin-'));
  if (stub === undefined) symlinkSync(join(repoRoot, 'bin', 'ladder.js'), join(folder, 'ladder'));
  else {
    writeFileSync(join(folder, 'ladder'), `#!/bin/sh\n${stub}\n`);
    chmodSync(join(folder, 'ladder'), 0o755);
  }
  return folder;
}

/**
 * Presses TAB in bash after `words` (the last is the word under the cursor), with the script `ladder
 * completion bash` prints and `ladder` found in `bin`; returns COMPREPLY and what the run left in its folder.
 */
async function bashTab(words: string[], bin: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'ladder-tab-'));
  const completion = join(mkdtempSync(join(tmpdir(), 'ladder-script-')), 'ladder.bash');
  writeFileSync(completion, (await run(['completion', 'bash'])).stdout);
  const quoted = words.map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `source '${completion}'
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}
_ladder_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd, env: { PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
  return { reply: result.stdout.split('\n').filter(Boolean), stderr: result.stderr, left: readdirSync(cwd) };
}

const HOSTILE_ID = '$(touch PWNED)';

describe('completion never runs what a role file says', () => {
  const hostile = () =>
    writeTree({
      'makers/eng.md': `---\nid: "${HOSTILE_ID}"\naliases: ["\`touch PWNED\`", 3]\n---\n${role('Engineer', null)}`,
      'makers/senior.md': `---\nid: senior\naliases: [Senior Dev]\n---\n${role('Senior Engineer', 'Engineer')}`,
    });

  it('__complete offers only ids and aliases the loader accepts', async () => {
    const root = hostile();
    const offered = (await run(['__complete', '--', '--ladder', root, 'show', ''])).stdout.split('\n').filter(Boolean);
    expect(offered.sort()).toEqual(['eng', 'senior', 'senior-dev']);
    // The loader agrees: the hostile id is dropped for the file name's.
    expect((await run(['--ladder', root, 'show', 'eng', '--json'])).stdout).toContain('"id": "eng"');
  });

  it('TAB in bash with a hostile id in the ladder executes nothing', async () => {
    const root = hostile();
    const tab = await bashTab(['ladder', '--ladder', root, 'show', ''], pathWithLadder());
    expect(tab.left).toEqual([]);
    expect(tab.reply.sort()).toEqual(['eng', 'senior', 'senior-dev']);
  });

  it('the bash script treats candidates as plain text, whatever ladder prints', async () => {
    const bin = pathWithLadder(`printf '%s\\n' '${HOSTILE_ID}' '\`touch PWNED\`' 'a*' 'plain'`);
    const all = await bashTab(['ladder', 'show', ''], bin);
    expect(all.left).toEqual([]);
    expect(all.reply).toEqual([HOSTILE_ID, '`touch PWNED`', 'a*', 'plain']);
    expect((await bashTab(['ladder', 'show', '$('], bin)).reply).toEqual([HOSTILE_ID]);
    expect((await bashTab(['ladder', 'show', 'a*'], bin)).reply).toEqual(['a*']);
  });

  it('zsh inserts candidates quoted (compadd without -Q)', async () => {
    const zsh = (await run(['completion', 'zsh'])).stdout;
    expect(zsh).toContain('compadd -a candidates');
    expect(zsh).not.toMatch(/compadd[^\n]*-Q/);
  });
});

describe('export --format csv keeps formulas out of spreadsheets', () => {
  it('prefixes a cell that starts with = + - or @ with a quote, and leaves the rest alone', async () => {
    const root = writeTree({
      'eng.md': role('@Engineer', null, {
        '=Sums': ['=HYPERLINK("http://evil.example","click")', '+1 for reviews', '-2 is fine', '@team pings', 'Plain - text = stays'],
      }),
    });
    const csv = await run(['--ladder', root, 'export', '--format', 'csv', '--out', '-']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows.slice(1).map((row) => row.split(',').slice(1, 6))).toEqual([
      ["'@Engineer", 'default', '1', "'=Sums", `"'=HYPERLINK(""http://evil.example""`],
      ["'@Engineer", 'default', '1', "'=Sums", "'+1 for reviews"],
      ["'@Engineer", 'default', '1', "'=Sums", "'-2 is fine"],
      ["'@Engineer", 'default', '1', "'=Sums", "'@team pings"],
      ["'@Engineer", 'default', '1', "'=Sums", 'Plain - text = stays'],
    ]);
  });
});

describe('init --write cannot be steered by a file name', () => {
  const injected = 'old DEPRECATED\nrules: { unknown-parent: off }\n#';

  it('escapes names in comments, so the file reads back as exactly the proposal', async () => {
    const root = writeTree({
      'makers/engineer.md': role('Engineer', null),
      [`makers/${injected}.md`]: role('Old Engineer', 'Engineer'),
      'makers/legacy\u0085rules: {}\u2028x.md': role('Legacy Engineer', 'Engineer'),
    });
    const proposal = JSON.parse((await run(['init', '--dir', root, '--json'])).stdout).config;
    expect(proposal).toEqual({ ignore: ['**/*legacy*', '**/*DEPRECATED*'] });
    const written = await run(['init', '--dir', root, '--write']);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    const yaml = readFileSync(join(root, 'ladder.yaml'), 'utf8');
    expect(parse(yaml)).toEqual(proposal);
    expect(yaml).toContain('makers/old DEPRECATED\\x0arules: { unknown-parent: off }\\x0a#.md: deprecated');
    expect(yaml).toContain('makers/legacy\\u0085rules: {}\\u2028x.md: deprecated');
  });

  it('refuses a file that would not read back as the configuration meant', async () => {
    expect(await readsBackAs('ignore:\n  - "a.md"\n', { ignore: ['a.md'] })).toBe(true);
    expect(await readsBackAs('ignore:\n  - "a.md"  # x\nrules: { unknown-parent: off }\n', { ignore: ['a.md'] })).toBe(false);
    expect(await readsBackAs('ignore: [\n', { ignore: ['a.md'] })).toBe(false);
  });
});

/** Raw control characters a terminal would act on (tab and newline are text). */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('terminal output shows control characters from files, never sends them', () => {
  const ESC = '\x1b';
  const title = `Eng ${ESC}]0;pwned${ESC}\\ Lead`;
  const expectations = [`Writes ${ESC}]8;;https://evil.example${ESC}\\code${ESC}]8;;${ESC}\\ daily.`, 'Uses C1 \u009b2J and DEL \x7f in code.'];
  const tree = () => ({
    'makers/eng.md': role(title, null, { [`Craft ${ESC}[2J`]: expectations }),
    'makers/senior.md': `---\ninherits: eng\n---\n${role('Senior Engineer', null, { [`Craft ${ESC}[2J`]: [...expectations, 'Reviews code.'] })}`,
    'makers/ghost.md': role('Ghost Engineer', `Phantom ${ESC}[31m`),
  });
  const ladder = () => writeTree(tree());

  const shown = <T extends { stdout: string; stderr: string }>(output: T): T => {
    expect(output.stdout + output.stderr).not.toMatch(RAW_CONTROL);
    return output;
  };

  it.each([
    ['show', ['show', 'eng'], '\\x1b]0;pwned\\x1b\\ Lead'],
    ['show --new', ['show', 'senior', '--new'], 'Reviews code.'],
    ['list', ['list'], 'Eng \\x1b]0;pwned'],
    ['search', ['search', 'code'], 'Uses C1 \\u009b2J and DEL \\x7f in'],
    ['diff', ['diff', 'eng', 'senior', '--all'], 'Craft \\x1b[2J'],
    ['health', ['health'], 'Craft \\x1b[2J'],
    ['graph mermaid', ['graph'], 'Eng \\x1b]0;pwned'],
    ['graph dot', ['graph', '--format', 'dot'], 'Eng \\\\x1b]0;pwned'],
    ['lint', ['lint'], 'Phantom \\x1b[31m'],
    ['init', ['init'], 'Eng \\x1b]0;pwned'],
  ])('%s', async (_name, args, visible) => {
    const root = ladder();
    const output = shown(await run(['--ladder', root, ...args], { cwd: root }));
    expect(output.stdout).toContain(visible);
  });

  it('warnings and errors printed by the CLI quote names escaped', async () => {
    const root = ladder();
    expect(shown(await run(['--ladder', root, 'show', 'eng'])).stderr).toContain('Phantom \\x1b[31m');
    const error = shown(await run(['--ladder', root, 'show', 'ghost']));
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('Phantom \\x1b[31m');
  });

  it('changes', async () => {
    const repo = writeTree({ 'ladder/README.md': '# Our ladder\n' });
    const env = { PATH: process.env.PATH!, HOME: repo, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    for (const [file, text] of Object.entries(tree())) writeFileSync(join(repo, 'ladder', file.replace('makers/', '')), text);
    const changed = await run(['--ladder', join(repo, 'ladder'), 'changes', 'main'], { cwd: repo, env });
    expect(changed.code).toBe(0);
    expect(shown(changed).stdout).toContain('\\x1b]8;;https://evil.example');
  });

  it('keeps its own colours, and --json keeps the text exact', async () => {
    const root = ladder();
    const coloured = await run(['--ladder', root, 'show', 'eng'], { isTTY: true });
    expect(coloured.stdout).toContain(`${ESC}[1m`);
    expect(coloured.stdout).not.toContain(`${ESC}]`);
    const json = JSON.parse((await run(['--ladder', root, 'show', 'eng', '--json'])).stdout);
    expect(json.title).toBe(title);
    expect(json.sections[0].expectations.map((e: { text: string }) => e.text)).toEqual(expectations);
  });
});

describe('Markdown for pull requests shows the ladder text and nothing else', () => {
  const hostile = [
    'Pings @org/team on <img src=x onerror=alert(1)> incidents.',
    'Hides <!-- everything after this',
    'Leaves `one backtick open.',
    'Decodes &#64;admins and \\<b>escapes\\</b> too.',
  ];
  const engineer = role('Engineer', null, { 'Craft @leads': ['Writes code.'] });
  const senior = role('Senior @org/team', 'Engineer', { 'Craft @leads': ['Writes code.', ...hostile] });

  /** What a renderer makes of the page: its raw HTML, and the text of each list item. */
  function rendered(markdown: string) {
    const html: string[] = [];
    const items: string[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'html') html.push(node.value);
      if (node.type === 'listItem') items.push(textOf(node));
      if ('children' in node) node.children.forEach(walk);
    };
    walk(parseMarkdown(markdown));
    return { html, items, text: textOf(parseMarkdown(markdown)) };
  }
  /** The ladder's text as a reader sees it: every `@` followed by a zero-width space, so no mention. */
  const unmentioned = (text: string) => text.replaceAll('@', '@\u200b');

  it('diff --format markdown', async () => {
    const root = writeTree({ 'eng.md': engineer, 'senior.md': senior });
    const { stdout, code } = await run(['--ladder', root, 'diff', 'engineer', 'senior', '--format', 'markdown']);
    expect(code).toBe(0);
    const page = rendered(stdout);
    expect(page.html).toEqual([]);
    // Task list boxes are GFM, which remark-parse alone reads as text.
    expect(page.items.map((item) => item.replace(/^\[ \] /, ''))).toEqual(hostile.map(unmentioned));
    expect(page.text).not.toMatch(/@\w/);
    expect(page.text).toContain('Craft @\u200bleads');
  });

  it('changes --format markdown', async () => {
    const repo = writeTree({ 'ladder/eng.md': engineer, 'ladder/senior.md': role('Senior @org/team', 'Engineer', { 'Craft @leads': ['Writes code.'] }) });
    const env = { PATH: process.env.PATH!, HOME: repo, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    writeFileSync(join(repo, 'ladder', 'senior.md'), senior);
    const { stdout, code } = await run(['--ladder', join(repo, 'ladder'), 'changes', 'main', '--format', 'markdown'], { cwd: repo, env });
    expect(code).toBe(0);
    const page = rendered(stdout);
    expect(new Set(page.html)).toEqual(new Set(['<sub>', '</sub>']));
    const added = page.items.filter((item) => item.startsWith('Added: ')).map((item) => item.replace(/^Added: (.*) senior\.md:\d+$/s, '$1'));
    expect(added).toEqual(hostile.map(unmentioned));
    expect(page.text).not.toMatch(/@\w/);
  });

  it('health --format markdown', async () => {
    const root = writeTree({ 'eng.md': engineer, 'senior.md': senior });
    const page = rendered((await run(['--ladder', root, 'health', '--format', 'markdown'])).stdout);
    expect(page.html).toEqual([]);
    expect(page.text).not.toMatch(/@\w/);
  });
});
