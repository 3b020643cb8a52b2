import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, role, runCli, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/**
 * Every kind of broken ladder the tool will meet, run in-process through `main`, and a few of them through
 * the built binary as well, which must give the same result. Each case must end with exit 0 (warnings
 * allowed) or exit 2 with one line; every stderr line is `error: ` or `warning: `, names the file (and line
 * where there is one), and never carries a stack frame. Signals can only reach the binary: those runs stay
 * end to end.
 */

const engineer = role('Engineer', null, { Craft: ['Writes tested code.', 'Reviews code with care.'] });
const bad = (name: string) => fixture('bad', name);

interface Case {
  name: string;
  /** A folder under test/fixtures/bad/, or a function that builds a ladder in a temporary folder. */
  ladder: string | (() => string);
  args: string[];
  exitCode: 0 | 1 | 2;
  /** One pattern per expected stderr line, in order. */
  stderr: RegExp[];
  /** Checked on stdout when given. */
  stdout?: RegExp;
}

const emptyCwd = mkdtempSync(join(tmpdir(), 'ladder-rel-cwd-'));
const run = (args: string[]) => runMain(args, { cwd: emptyCwd });

/** A ladder of one intact role plus whatever broken files a case adds. */
const withEngineer = (tree: Record<string, string | Buffer>) => () => writeTree({ 'engineer.md': engineer, ...tree });

/** A chain `n` roles deep, written once however many cases read it. */
const chainOf = (n: number) => {
  let root: string | undefined;
  const write = () => {
    const tree: Record<string, string> = {};
    for (let i = 1; i <= n; i++) tree[`r${i}.md`] = role(`Role ${i}`, i === 1 ? null : `Role ${i - 1}`, { Craft: [`Does level ${i} work.`] });
    return writeTree(tree);
  };
  return () => (root ??= write());
};
// Thousands deep, as the graph test's chain (3,000). Resolution is quadratic by nature
// (every role holds all it inherits), so the 5,000-role chain lives in bench/ (P5), where time is measured.
const deepChain = chainOf(2000);

const manyFiles = (n: number) => () => {
  const tree: Record<string, string> = { 'engineer.md': engineer };
  for (let i = 0; i < n; i++) tree[`t${i % 10}/role-${i}.md`] = role(`Role ${i}`, 'Engineer', { Craft: [`Does role ${i} work.`] });
  return writeTree(tree);
};

const cases: Case[] = [
  // Files
  { name: 'an empty file beside a role', ladder: bad('empty-file'), args: ['show', 'engineer'], exitCode: 0, stderr: [], stdout: /Writes tested code/ },
  { name: 'a binary file', ladder: withEngineer({ 'logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]) }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: logo\.md:1: not UTF-8 text \(invalid byte at offset 0\)/] },
  { name: 'a Latin-1 file', ladder: withEngineer({ 'senior.md': Buffer.from('Senior\n------\n\n### Craft\n* Caf\xe9 talks.\n', 'latin1') }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: senior\.md:5: not UTF-8 text.*save the file as UTF-8$/] },
  { name: 'showing the Latin-1 role itself', ladder: withEngineer({ 'senior.md': Buffer.from('Senior\n------\n\n### Craft\n* Caf\xe9 talks.\n', 'latin1') }), args: ['show', 'senior'], exitCode: 2, stderr: [/^error: unknown role "senior"/] },
  { name: 'a byte order mark and CRLF', ladder: bad('bom-and-crlf'), args: ['show', 'engineer', '--json'], exitCode: 0, stderr: [], stdout: /"text": "Reviews code with care\."/ },
  { name: 'mixed line endings', ladder: bad('mixed-line-endings'), args: ['show', 'engineer', '--json'], exitCode: 0, stderr: [], stdout: /"text": "Writes tested code\.",\s+"source": "engineer",\s+"line": 5/ },
  { name: 'a 5 MB line', ladder: withEngineer({ 'huge.md': `Huge\n----\n\n### Craft\n* ${'word '.repeat(1024 * 1024)}\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: huge\.md:1: file is 5121 KB; role files over 64 KB are not read/] },
  { name: 'a 5 MB line, linted', ladder: withEngineer({ 'huge.md': `Huge\n----\n\n### Craft\n* ${'word '.repeat(1024 * 1024)}\n` }), args: ['lint', '--format', 'json'], exitCode: 1, stderr: [], stdout: /"ruleId": "unreadable-file"/ },
  { name: '5,000 nested list levels on one line', ladder: withEngineer({ 'deep.md': `Deep\n----\n\n### Craft\n${'- '.repeat(5000)}x\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: deep\.md:5: lists or quotes nested too deep \(10000 columns/] },
  { name: '2,000 nested list levels, one per line', ladder: withEngineer({ 'deep.md': `Deep\n----\n\n### Craft\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}* item ${i}`).join('\n')}\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: deep\.md:1: file is \d+ KB/] },
  { name: '200 nested list levels in a small file', ladder: withEngineer({ 'deep.md': `Deep\n----\n\n### Craft\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}- x`).join('\n')}\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: deep\.md:68: lists or quotes nested too deep/] },
  { name: '5,000 nested block quotes', ladder: withEngineer({ 'quotes.md': `Quotes\n------\n\n### Craft\n${'>'.repeat(5000)} x\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: quotes\.md:5: lists or quotes nested too deep/] },
  { name: 'emphasis marks the parser is quadratic on', ladder: withEngineer({ 'stars.md': `Stars\n-----\n\n### Craft\n* ${'**a'.repeat(5000)}\n` }), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: stars\.md:5: more than 2000 emphasis, link or code marks/] },
  { name: 'a file of headings only', ladder: bad('headings-only'), args: ['show', 'engineer'], exitCode: 0, stderr: [] },
  { name: 'a file of bullets only', ladder: bad('bullets-only'), args: ['show', 'engineer'], exitCode: 0, stderr: [] },
  { name: 'a role with no title', ladder: bad('role-without-title'), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: senior\.md:1: looks like a role but has no title/] },
  { name: 'README and CHANGELOG beside roles', ladder: bad('readme-beside-roles'), args: ['list', '--json'], exitCode: 0, stderr: [], stdout: /^\{\s+"roles": \[\s+\{\s+"id": "engineer"[^\]]*\]\s*\}\s*$/ },
  { name: 'a non-ASCII file name, found by its slug', ladder: bad('non-ascii-file-name'), args: ['show', 'ingeniera-senior', '--json'], exitCode: 0, stderr: [], stdout: /"file": "Ingeniera Sénior\.md"/ },

  // Front matter
  { name: 'unclosed front matter', ladder: bad('front-matter-unclosed'), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: senior\.md:1: front matter opened with "---" on line 1 is never closed/] },
  { name: 'a wrong type (level: high)', ladder: bad('front-matter-wrong-type'), args: ['show', 'senior'], exitCode: 0, stderr: [/^warning: senior\.md:2: front matter: "level" .*found "high"$/] },
  { name: 'an id with .. and /', ladder: bad('front-matter-id-escapes'), args: ['list', '--json'], exitCode: 0, stderr: [/^warning: senior\.md:2: front matter: "id" must be a plain name.*"\.\.\/\.\.\/etc\/passwd"$/, /^warning: staff\.md:2: front matter: "id" must be a plain name.*"makers\/staff"$/], stdout: /"id": "senior"[\s\S]*"id": "staff"/ },
  { name: 'a YAML alias bomb', ladder: bad('front-matter-alias-bomb'), args: ['show', 'senior'], exitCode: 0, stderr: [/^warning: senior\.md:2: front matter cannot be read: Excessive alias count/] },
  { name: 'an unknown front matter key', ladder: bad('front-matter-unknown-key'), args: ['show', 'senior'], exitCode: 0, stderr: [/^warning: senior\.md:3: front matter: unknown key "salary"/] },

  // The graph
  { name: 'a cycle of two, showing an intact role', ladder: bad('cycle-of-two'), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: lead\.md:3: inheritance cycle: Lead → Manager → Lead/, /^warning: manager\.md:3: inheritance cycle/] },
  { name: 'a cycle of two, showing a role on it', ladder: bad('cycle-of-two'), args: ['show', 'lead'], exitCode: 2, stderr: [/^error: lead\.md:3: inheritance cycle: .*\(needed to resolve "lead"\)$/] },
  { name: 'a long cycle', ladder: bad('cycle-long'), args: ['show', 'charlie'], exitCode: 2, stderr: [/^error: c\.md:3: inheritance cycle: Alpha → Delta → Charlie → Bravo → Alpha/] },
  { name: 'a role inheriting itself', ladder: bad('self-parent'), args: ['show', 'senior'], exitCode: 2, stderr: [/^error: senior\.md:3: role "Senior Engineer" inherits from itself/] },
  { name: 'an unknown parent, with a suggestion', ladder: bad('unknown-parent'), args: ['show', 'senior'], exitCode: 2, stderr: [/^error: senior\.md:3: unknown parent role "Enginer"; did you mean "Engineer"/] },
  { name: 'a parent linked to a missing file', ladder: bad('parent-link-to-missing-file'), args: ['show', 'senior'], exitCode: 2, stderr: [/^error: senior\.md:3: parent link "\.\/engineer-old\.md" points to engineer-old\.md/] },
  // One file name in two folders: both load, each under its folder id (the fixture predates that).
  { name: 'one file name in two folders', ladder: bad('duplicate-id'), args: ['show', 'makers/engineer', '--json'], exitCode: 0, stderr: [], stdout: /"id": "makers\/engineer"/ },
  { name: 'one file name in two folders, the top one named by its id', ladder: bad('duplicate-id'), args: ['show', 'engineer', '--json'], exitCode: 0, stderr: [], stdout: /"id": "engineer"/ },
  { name: 'two roles with one title, named by id', ladder: bad('duplicate-title'), args: ['show', 'engineer'], exitCode: 0, stderr: [/^warning: engineer\.md:1: title "Engineer" is already used by engineer-copy\.md/] },
  { name: 'a parent title matching two roles', ladder: bad('ambiguous-parent'), args: ['show', 'staff'], exitCode: 2, stderr: [/^error: staff\.md:3: parent "Lead" matches several roles: lead-a \(.*\), lead-b \(.*\); name one by its id \("lead-a"\), link its file, or settle it in ladder.yaml under "aliases:" with "Lead: lead-a"/] },
  { name: 'a 2,000-role chain, its deepest role', ladder: deepChain, args: ['show', 'role-2000', '--json'], exitCode: 0, stderr: [], stdout: /"level": 2000/ },
  { name: 'a 2,000-role chain, linted', ladder: deepChain, args: ['lint', '--format', 'json'], exitCode: 0, stderr: [] },

  // The folder
  { name: 'a missing folder', ladder: () => join(emptyCwd, 'no-such-ladder'), args: ['list'], exitCode: 2, stderr: [/^error: .*no-such-ladder: ladder folder not found \(from --ladder\)/] },
  { name: 'a file instead of a folder', ladder: () => join(withEngineer({})(), 'engineer.md'), args: ['list'], exitCode: 2, stderr: [/^error: .*engineer\.md: is a file, not a folder/] },
  { name: 'a symbolic link loop', ladder: () => { const root = withEngineer({ 'team/lead.md': role('Lead', 'Engineer') })(); symlinkSync('..', join(root, 'team', 'up')); symlinkSync('loop', join(root, 'loop')); return root; }, args: ['list', '--json'], exitCode: 0, stderr: [/^warning: loop: broken or looping symbolic link$/], stdout: /"id": "lead"/ },
  { name: 'a symbolic link out of the ladder', ladder: () => { const outside = writeTree({ 'secret.md': role('Secret', null) }); const root = withEngineer({})(); symlinkSync(outside, join(root, 'out')); symlinkSync(join(outside, 'secret.md'), join(root, 'secret.md')); return root; }, args: ['list', '--json'], exitCode: 0, stderr: [/^warning: out: symbolic link to a place outside the ladder, not followed$/, /^warning: secret\.md: symbolic link to a place outside the ladder, not followed$/] },
  { name: 'thousands of files', ladder: manyFiles(3000), args: ['show', 'role-2999'], exitCode: 0, stderr: [], stdout: /Does role 2999 work/ },

  // Arguments
  { name: 'an unknown role, with did-you-mean', ladder: bad('non-ascii-file-name'), args: ['show', 'enginer'], exitCode: 2, stderr: [/^error: unknown role "enginer"; did you mean Engineer \(engineer\)\?$/] },
  { name: 'an ambiguous role, listing the candidates', ladder: bad('ambiguous-parent'), args: ['show', 'lead'], exitCode: 2, stderr: [/^error: role "lead" is ambiguous: it matches lead-a \(Tech Lead\), lead-b \(Team Lead\); give more of the name$/] },
  { name: 'an unknown export format', ladder: bad('empty-file'), args: ['export', '--format', 'pdf', '--out', '-'], exitCode: 2, stderr: [/^error: option '-f, --format <format>' argument 'pdf' is invalid\. Allowed choices are json, yaml, csv, markdown, html\.$/] },
  { name: 'an unknown graph format', ladder: bad('empty-file'), args: ['graph', '--format', 'png'], exitCode: 2, stderr: [/^error: option '-f, --format <format>' argument 'png' is invalid/] },
  { name: 'an unknown flag', ladder: bad('empty-file'), args: ['show', 'engineer', '--bogus'], exitCode: 2, stderr: [/^error: unknown option '--bogus'$/] },
  { name: '--out into a missing folder', ladder: bad('empty-file'), args: ['export', '--format', 'json', '--out', join(emptyCwd, 'missing', 'x.json')], exitCode: 2, stderr: [/^error: .*missing: folder does not exist/] },
  { name: '--out onto a folder', ladder: bad('empty-file'), args: ['export', '--format', 'json', '--out', emptyCwd], exitCode: 2, stderr: [/^error: .*: is a folder; give a file name inside it$/] },
];

describe('the corpus of broken ladders', () => {
  it.each(cases)('$name', async ({ ladder, args, exitCode, stderr, stdout }) => {
    const root = typeof ladder === 'string' ? ladder : ladder();
    const result = await run(['--ladder', root, ...args]);
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    for (const line of lines) {
      expect(line).toMatch(/^(error|warning): /);
      expect(line).not.toMatch(/^\s+at /);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(lines).toHaveLength(stderr.length);
    stderr.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
    expect(result.code).toBe(exitCode);
    if (stdout) expect(result.stdout).toMatch(stdout);
  });
});

/** A few cases of each kind, through the shipped bin: what it adds (streams, exit code) changes nothing. */
const endToEnd = ['a binary file', 'a cycle of two, showing a role on it', 'an unknown flag', 'a missing folder', 'a symbolic link loop'];

describe('the corpus through the built binary', () => {
  it.each(cases.filter(({ name }) => endToEnd.includes(name)))('$name', async ({ ladder, args }) => {
    const root = typeof ladder === 'string' ? ladder : ladder();
    expect(runCli(['--ladder', root, ...args], { cwd: emptyCwd })).toEqual(await run(['--ladder', root, ...args]));
  });
});

describe('an unreadable file', () => {
  it('is a warning naming the file, and the rest of the ladder still shows', async () => {
    const root = withEngineer({ 'secret.md': role('Secret', 'Engineer') })();
    chmodSync(join(root, 'secret.md'), 0o000);
    const result = await run(['--ladder', root, 'show', 'engineer']);
    expect(result.code).toBe(0);
    // root reads through chmod 000: only then is there nothing to report.
    const rootCanRead = process.getuid?.() === 0;
    expect(result.stderr).toBe(rootCanRead ? '' : 'warning: secret.md: cannot read file (EACCES)\n');
  });
});

/** Every file under `root` with its bytes, hidden temporary files included. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(root.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** A ladder big enough that a run is still writing when a signal arrives, every file with something to fix. */
function bigFixableLadder(): string {
  const tree: Record<string, string> = { 'engineer.md': engineer };
  for (let i = 0; i < 600; i++) tree[`t${i % 6}/role-${i}.md`] = role(`Role ${i}`, 'Engineer', { Craft: [`Does role ${i} work   `, `Plans role ${i} releases.  `] });
  return writeTree(tree);
}

function copyOf(root: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ladder-rel-copy-'));
  cpSync(root, copy, { recursive: true });
  return copy;
}

/** Runs the CLI and sends `signal` after `delay` ms; resolves when it has exited. */
function interrupted(args: string[], signal: NodeJS.Signals, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), ...args], { cwd: emptyCwd, env: { PATH: process.env.PATH }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const tempFiles = (files: Map<string, Buffer>) => [...files.keys()].filter((file) => /\.tmp$|\.tmp\//.test(file));

describe('interrupted and failing writes', () => {
  it('lint --fix stopped by SIGINT or SIGTERM leaves each file whole (original or fully fixed) and no temporary files', async () => {
    const original = bigFixableLadder();
    const before = snapshot(original);
    const done = copyOf(original);
    await run(['--ladder', done, 'lint', '--fix']);
    const fixed = snapshot(done);
    expect([...fixed].filter(([file, bytes]) => !bytes.equals(before.get(file)!)).length).toBeGreaterThan(500);

    for (const [signal, delay] of [['SIGINT', 150], ['SIGTERM', 400], ['SIGINT', 700], ['SIGTERM', 1200]] as const) {
      const root = copyOf(original);
      await interrupted(['--ladder', root, 'lint', '--fix'], signal, delay);
      const after = snapshot(root);
      expect(tempFiles(after)).toEqual([]);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [file, bytes] of after) {
        expect(bytes.equals(before.get(file)!) || bytes.equals(fixed.get(file)!), `${file} after ${signal} at ${delay} ms`).toBe(true);
      }
    }
  });

  it('export stopped by a signal leaves the ladder untouched and no partial site or temporary files', async () => {
    const root = bigFixableLadder();
    const before = snapshot(root);
    for (const [signal, delay] of [['SIGINT', 200], ['SIGTERM', 600], ['SIGINT', 1000]] as const) {
      const out = mkdtempSync(join(tmpdir(), 'ladder-rel-out-'));
      await interrupted(['--ladder', root, 'export', '--format', 'html', '--out', join(out, 'site')], signal, delay);
      const written = snapshot(out);
      expect(tempFiles(written)).toEqual([]);
      // The site folder appears whole or not at all.
      if (written.size > 0) expect(written.has('site/index.html')).toBe(true);
      const after = snapshot(root);
      expect(after.size).toBe(before.size);
      for (const [file, bytes] of after) expect(bytes.equals(before.get(file)!), file).toBe(true);
    }
  });

  it('--fix never rewrites a file with a parse error', async () => {
    const tree = {
      'engineer.md': engineer,
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nSenior\n------\n\n### Craft\n* Designs systems   \n',
      'unclosed.md': '---\nid: x\n\nLead\n----\n\n### Craft\n* Leads   \n',
      'huge.md': `Huge\n----\n\n### Craft\n* ${'word '.repeat(20_000)}  \n`,
    };
    const root = writeTree(tree);
    const before = snapshot(root);
    const result = await run(['--ladder', root, 'lint', '--fix', '--format', 'json']);
    expect(result.code).toBe(1);
    const after = snapshot(root);
    for (const file of ['bad-yaml.md', 'unclosed.md', 'huge.md']) expect(after.get(file)!.equals(before.get(file)!), file).toBe(true);
  });
});

describe('writing stays inside the target folder', () => {
  it('the HTML export escapes every piece of ladder text', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ladder-rel-html-'));
    const result = await run(['--ladder', bad('escaping'), 'export', '--format', 'html', '--out', join(out, 'site')]);
    expect(result.code).toBe(0);
    // Pages only: the data files of compare and search (assets/*.js) hold the text as JSON strings, never parsed as HTML.
    for (const [file, bytes] of [...snapshot(join(out, 'site'))].filter(([file]) => file.endsWith('.html'))) {
      const html = bytes.toString('utf8');
      expect(html, file).not.toMatch(/<script>alert|<img src=x|<b>bold/);
    }
    expect(readFileSync(join(out, 'site', 'engineer.html'), 'utf8')).toContain('&lt;script&gt;alert(3)&lt;/script&gt; &amp; ships.');
  });

  it('an id from front matter cannot name a path: ../ and / are refused and the file name is used', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ladder-rel-ids-'));
    mkdirSync(join(out, 'inner'));
    const result = await run(['--ladder', bad('front-matter-id-escapes'), 'export', '--format', 'markdown', '--out', join(out, 'inner', 'docs')]);
    expect(result.code).toBe(0);
    expect([...snapshot(out).keys()].every((file) => file.startsWith('inner/docs/'))).toBe(true);
    expect(snapshot(out).has('inner/docs/senior.md')).toBe(true);
  });

  it('a failing export (a file where its folder should be) writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ladder-rel-fail-'));
    writeFileSync(join(out, 'site'), 'not a folder');
    const result = await run(['--ladder', bad('empty-file'), 'export', '--format', 'html', '--out', join(out, 'site')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*site: is a file; give a folder to write into\n$/);
    expect([...snapshot(out).keys()]).toEqual(['site']);
  });
});
