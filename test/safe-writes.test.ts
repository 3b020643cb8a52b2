import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, cpSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './in-process.js';
import { diskCalls, whyNotReplaceable, writeFileAtomic, type WriteCalls } from '../src/write/write-atomic.js';
import { LadderError } from '../src/errors.js';
import { repoRoot, role, writeTree } from './helpers.js';

/** Runs the CLI in-process, in `cwd`, with no parse cache (no HOME), and collects what it prints. */
function ladder(argv: string[], cwd: string) {
  return runMain(argv, { cwd });
}

/** Everything under a folder, dot files included, so a leftover temporary file shows. */
const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();
const scratch = () => mkdtempSync(join(tmpdir(), 'ladder-safe-'));

/** A two-role ladder whose Engineer page has a line with trailing spaces for --fix to remove; `bullets` makes it big. */
function ladderTree(bullets = 1): Record<string, string> {
  const items = Array.from({ length: bullets }, (_, i) => `Delivers milestone ${i + 1} of the plan on time.`);
  return {
    'makers/engineer.md': role('Engineer', null, { Delivery: [...items.slice(0, -1), `${items.at(-1)}   `] }),
    'makers/senior-engineer.md': role('Senior Engineer', 'Engineer', { Delivery: ['Leads a project.'] }),
  };
}

describe('writeFileAtomic with a substituted writer', () => {
  const setUp = () => {
    const folder = scratch();
    const file = join(folder, 'role.md');
    writeFileSync(file, 'the original\n');
    return { folder, file };
  };
  const content = 'x'.repeat(10_000);

  it('keeps writing until every byte is written when each write takes only a part', () => {
    const { folder, file } = setUp();
    let calls = 0;
    const stingy: WriteCalls = { ...diskCalls, writeSync: (fd, buffer, offset, length) => (calls++, writeSync(fd, buffer, offset, Math.min(length, 777))) };
    writeFileAtomic(file, content, stingy);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(calls).toBe(Math.ceil(10_000 / 777));
    expect(listing(folder)).toEqual(['role.md']);
  });

  it('leaves the original byte for byte and no temporary file when the disk fills up part way', () => {
    const { folder, file } = setUp();
    let calls = 0;
    const filling: WriteCalls = {
      ...diskCalls,
      writeSync: (fd, buffer, offset, length) => {
        if (++calls > 1) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return writeSync(fd, buffer, offset, Math.min(length, 4096));
      },
    };
    const error = catchError(() => writeFileAtomic(file, content, filling));
    expect(error).toBeInstanceOf(LadderError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${file}: cannot write (ENOSPC); the disk is full and nothing was changed; free some space and run again`);
    expect(readFileSync(file, 'utf8')).toBe('the original\n');
    expect(listing(folder)).toEqual(['role.md']);
  });

  it('gives up on a write that makes no progress, and on a size read back that is short', () => {
    for (const broken of [
      { ...diskCalls, writeSync: () => 0 },
      { ...diskCalls, fstatSync: () => ({ size: 4096 }) },
    ] satisfies WriteCalls[]) {
      const { folder, file } = setUp();
      const error = catchError(() => writeFileAtomic(file, content, broken));
      expect(error.message).toMatch(/^\/.*role\.md: cannot write \(only (0|4096) of 10000 bytes written\); the disk is full/);
      expect(readFileSync(file, 'utf8')).toBe('the original\n');
      expect(listing(folder)).toEqual(['role.md']);
    }
  });

  it('fails cleanly when flushing reports an I/O error', () => {
    const { folder, file } = setUp();
    const failing: WriteCalls = { ...diskCalls, fsyncSync: () => { throw Object.assign(new Error('i/o error'), { code: 'EIO' }); } };
    expect(catchError(() => writeFileAtomic(file, content, failing)).message).toBe(`${file}: cannot write (EIO); the disk failed and nothing was changed; check the disk and run again`);
    expect(readFileSync(file, 'utf8')).toBe('the original\n');
    expect(listing(folder)).toEqual(['role.md']);
  });

  it('renames only after writing, flushing and reading the size back', () => {
    const { file } = setUp();
    const order: string[] = [];
    const traced: WriteCalls = {
      ...diskCalls,
      writeSync: (...args) => (order.push('write'), diskCalls.writeSync(...args)),
      fsyncSync: (fd) => (order.push('fsync'), diskCalls.fsyncSync(fd)),
      fstatSync: (fd) => (order.push('size'), diskCalls.fstatSync(fd)),
      renameSync: (from, to) => (order.push('rename'), renameSync(from, to)),
    };
    writeFileAtomic(file, 'new\n', traced);
    expect(order).toEqual(['write', 'fsync', 'size', 'rename']);
  });
});

describe('which files may be replaced', () => {
  const file = () => {
    const path = join(scratch(), 'role.md');
    writeFileSync(path, 'x');
    return path;
  };

  it('not a file without any write bit, even for root', () => {
    const path = file();
    chmodSync(path, 0o444);
    expect(whyNotReplaceable(path, statSync(path), 0)).toBe('it is read-only (mode 444); make it writable (chmod u+w) if it should change');
  });

  it('not a file of another user unless running as root, since the new file would change owner', () => {
    const path = file();
    const owner = statSync(path).uid;
    expect(whyNotReplaceable(path, statSync(path), owner + 1)).toMatch(new RegExp(`^it belongs to another user \\(uid ${owner}\\)`));
    expect(whyNotReplaceable(path, statSync(path), owner)).toBeUndefined();
    expect(whyNotReplaceable(path, statSync(path), 0)).toBeUndefined();
  });
});

describe('ladder lint --fix keeps what it does not mean to change', () => {
  it('writes through a symbolic link: the link stays a link and its target is fixed', async () => {
    const { 'makers/engineer.md': engineer, ...others } = ladderTree();
    const root = writeTree({ ...others, 'shared-engineer.md.txt': engineer! });
    symlinkSync('../shared-engineer.md.txt', join(root, 'makers', 'engineer.md'));
    const run = await ladder(['--ladder', root, 'lint', '--fix'], root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(lstatSync(join(root, 'makers', 'engineer.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'makers', 'engineer.md'))).toBe('../shared-engineer.md.txt');
    expect(readFileSync(join(root, 'shared-engineer.md.txt'), 'utf8')).toContain('plan on time.\n');
    expect(readFileSync(join(root, 'shared-engineer.md.txt'), 'utf8')).not.toContain('time.   ');
  });

  it('skips a read-only file with a warning, even as root, and reports its findings as still there', async () => {
    const root = writeTree(ladderTree());
    const path = join(root, 'makers', 'engineer.md');
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const run = await ladder(['--ladder', root, 'lint', '--fix', '--format', 'json'], root);
    expect(run.stderr).toBe('warning: makers/engineer.md: not fixed: it is read-only (mode 444); make it writable (chmod u+w) if it should change\n');
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['trailing-whitespace']);
    expect(readFileSync(path)).toEqual(before);
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and group of a file it rewrites (as root)', async () => {
    const root = writeTree(ladderTree());
    const path = join(root, 'makers', 'engineer.md');
    chownSync(path, 4321, 4322);
    expect((await ladder(['--ladder', root, 'lint', '--fix'], root)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).not.toContain('time.   ');
    expect(statSync(path)).toMatchObject({ uid: 4321, gid: 4322 });
  });

  it('as another user, leaves alone a file it may not write even where the folder lets it replace files', (ctx) => {
    if (process.getuid?.() !== 0) ctx.skip('needs root to run ladder as the user "nobody"');
    // Not under the test run's own temporary folder, which only root may enter.
    const root = mkdtempSync('/tmp/ladder-nobody-');
    try {
      writeTreeAt(root, ladderTree());
      chmodSync(root, 0o777);
      chmodSync(join(root, 'makers'), 0o777);
      const path = join(root, 'makers', 'engineer.md');
      const before = readFileSync(path);
      const run = asNobody(['--ladder', root, 'lint', '--fix'], root);
      expect(run.stderr).toBe('warning: makers/engineer.md: not fixed: you have no permission to write it; ask its owner, or make it writable for you\n');
      expect(run.code).toBe(0);
      expect(readFileSync(path)).toEqual(before);
      expect(statSync(path).uid).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ladder export never replaces the ladder', () => {
  it('refuses an output at or under the ladder folder, through links too, even with --force', async () => {
    const cwd = scratch();
    const root = join(cwd, 'ladder');
    writeTreeAt(root, ladderTree());
    symlinkSync('ladder', join(cwd, 'alias'));
    const before = snapshot(root);
    for (const args of [
      ['--format', 'markdown', '--out', 'ladder'],
      ['--format', 'html', '--out', 'ladder/site'],
      ['--format', 'json', '--out', 'ladder/makers/engineer.md'],
      ['--format', 'json', '--out', 'alias/makers/engineer.md', '--force'],
      ['--format', 'markdown', '--out', 'alias', '--force'],
    ]) {
      const run = await ladder(['--ladder', 'ladder', 'export', ...args], cwd);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: ${args[3]}: is inside the ladder folder .*; export to a place outside it \\(--force does not change this\\)\\n$`));
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a page that is a link into the ladder', async () => {
    const cwd = scratch();
    writeTreeAt(join(cwd, 'ladder'), ladderTree());
    await ladder(['--ladder', 'ladder', 'export', '--format', 'markdown', '--out', 'site'], cwd);
    rmSync(join(cwd, 'site', 'engineer.md'));
    symlinkSync('../ladder/makers/engineer.md', join(cwd, 'site', 'engineer.md'));
    const before = snapshot(join(cwd, 'ladder'));
    const run = await ladder(['--ladder', 'ladder', 'export', '--format', 'markdown', '--out', 'site'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*site\/engineer\.md: is inside the ladder folder/);
    expect(snapshot(join(cwd, 'ladder'))).toEqual(before);
  });
});

describe('ladder export replaces only what it wrote', () => {
  const setUp = () => {
    const cwd = scratch();
    writeTreeAt(join(cwd, 'ladder'), ladderTree());
    return cwd;
  };
  const exportTo = (cwd: string, ...args: string[]) => ladder(['--ladder', 'ladder', 'export', ...args], cwd);

  it('refuses to replace a file it did not write, and replaces it with --force', async () => {
    const cwd = setUp();
    for (const [format, name] of [['json', 'notes.json'], ['yaml', 'notes.yaml'], ['csv', 'notes.csv']] as const) {
      writeFileSync(join(cwd, name), 'my own notes\n');
      const refused = await exportTo(cwd, '--format', format, '--out', name);
      expect(refused).toEqual({ code: 2, stdout: '', stderr: `error: ${name}: exists and was not written by ladder export; choose another --out, or add --force to replace it\n` });
      expect(readFileSync(join(cwd, name), 'utf8')).toBe('my own notes\n');
      expect((await exportTo(cwd, '--format', format, '--out', name, '--force')).code).toBe(0);
      expect(readFileSync(join(cwd, name), 'utf8')).not.toBe('my own notes\n');
    }
  });

  it('judges a file of megabytes by how it opens, without reading it all', async () => {
    const cwd = setUp();
    const big = 'x'.repeat(2 << 20);
    const files = {
      'own.json': { text: `{\n  "version": "1.0.0",\n  "generatedFrom": "lad\\"der",\n  "roles": [\n    "${big}"\n  ]\n}\n`, ours: true },
      'own.yaml': { text: `version: 1.0.0\ngeneratedFrom: ladder\nroles:\n  - id: ${big}\n`, ours: true },
      'foreign.json': { text: `{\n  "version": 1,\n  "roles": ["${big}"]\n}\n`, ours: false },
      'foreign.yaml': { text: `notes: ${big}\nroles:\n`, ours: false },
    };
    for (const [name, { text, ours }] of Object.entries(files)) {
      writeFileSync(join(cwd, name), text);
      const run = await exportTo(cwd, '--format', name.split('.')[1]!, '--out', name);
      expect(run.code, name).toBe(ours ? 0 : 2);
      expect(readFileSync(join(cwd, name), 'utf8') === text, name).toBe(!ours);
    }
  });

  it('replaces its own earlier export, and an empty file, without --force', async () => {
    const cwd = setUp();
    for (const [format, name] of [['json', 'out.json'], ['yaml', 'out.yaml'], ['csv', 'out.csv']] as const) {
      writeFileSync(join(cwd, name), '');
      expect((await exportTo(cwd, '--format', format, '--out', name)).code, `${name} empty`).toBe(0);
      writeTreeAt(join(cwd, 'ladder'), { 'makers/staff-engineer.md': role('Staff Engineer', 'Senior Engineer') });
      const again = await exportTo(cwd, '--format', format, '--out', name);
      expect(again, name).toMatchObject({ code: 0, stdout: `wrote 3 roles as ${format} to ${name}\n` });
      expect(readFileSync(join(cwd, name), 'utf8')).toContain('Staff Engineer');
      rmSync(join(cwd, 'ladder', 'makers', 'staff-engineer.md'));
    }
  });

  it('removes the page of a role that was renamed or removed, and nothing it did not write', async () => {
    const cwd = setUp();
    for (const format of ['html', 'markdown']) {
      const ext = format === 'html' ? 'html' : 'md';
      // The site also has a steps page per track, a compare page and search, with the scripts and data they load.
      const steps = format === 'html' ? ['steps-makers.html'] : [];
      const tools = format === 'html' ? ['compare.html', 'assets/compare-data.js', 'assets/compare.js', 'assets/search-index.js', 'assets/search.js'] : [];
      const toolsListed = tools.length ? ['assets', ...tools.slice(1), tools[0]!] : [];
      expect((await exportTo(cwd, '--format', format, '--out', format)).code).toBe(0);
      expect(listing(join(cwd, format))).toEqual(['.ladder-export.json', ...toolsListed, `engineer.${ext}`, `index.${ext}`, `senior-engineer.${ext}`, ...steps]);
      writeFileSync(join(cwd, format, 'CNAME'), 'ladder.example.org\n');
      renameSync(join(cwd, 'ladder', 'makers', 'senior-engineer.md'), join(cwd, 'ladder', 'makers', 'senior-developer.md'));
      const again = await exportTo(cwd, '--format', format, '--out', format);
      expect(again).toEqual({ code: 0, stderr: '', stdout: `wrote 2 roles as ${format} to ${format}\nremoved senior-engineer.${ext}: its role is no longer in the export\n` });
      expect(listing(join(cwd, format))).toEqual(['.ladder-export.json', 'CNAME', ...toolsListed, `engineer.${ext}`, `index.${ext}`, `senior-developer.${ext}`, ...steps]);
      expect(JSON.parse(readFileSync(join(cwd, format, '.ladder-export.json'), 'utf8'))).toEqual({
        generator: 'ladder',
        format,
        pages: [`index.${ext}`, `engineer.${ext}`, `senior-developer.${ext}`, ...steps, ...tools],
      });
      renameSync(join(cwd, 'ladder', 'makers', 'senior-developer.md'), join(cwd, 'ladder', 'makers', 'senior-engineer.md'));
    }
  });

  it('refuses to replace a page it did not write, and replaces it with --force', async () => {
    const cwd = setUp();
    writeTreeAt(join(cwd, 'site'), { 'engineer.html': 'hand-written\n', 'notes.txt': 'mine\n' });
    const refused = await exportTo(cwd, '--format', 'html', '--out', 'site');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `error: ${join('site', 'engineer.html')}: exists and was not written by ladder export (it is not in .ladder-export.json); choose a new or empty folder, or add --force to replace such pages\n`,
    );
    expect(listing(join(cwd, 'site'))).toEqual(['engineer.html', 'notes.txt']);
    expect((await exportTo(cwd, '--format', 'html', '--out', 'site', '--force')).code).toBe(0);
    expect(readFileSync(join(cwd, 'site', 'engineer.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(listing(join(cwd, 'site'))).toEqual(['.ladder-export.json', 'assets', 'assets/compare-data.js', 'assets/compare.js', 'assets/search-index.js', 'assets/search.js', 'compare.html', 'engineer.html', 'index.html', 'notes.txt', 'senior-engineer.html', 'steps-makers.html']);
  });

  it('never trusts a manifest that names files outside its folder', async () => {
    const cwd = setUp();
    writeTreeAt(join(cwd, 'site'), { '.ladder-export.json': JSON.stringify({ generator: 'ladder', format: 'html', pages: ['../precious.txt'] }) });
    writeFileSync(join(cwd, 'precious.txt'), 'keep\n');
    const run = await exportTo(cwd, '--format', 'html', '--out', 'site');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: .*\.ladder-export\.json: is not a manifest ladder export can read; remove it, or add --force to export anyway\n$/);
    expect((await exportTo(cwd, '--format', 'html', '--out', 'site', '--force')).code).toBe(0);
    expect(readFileSync(join(cwd, 'precious.txt'), 'utf8')).toBe('keep\n');
  });
});

/**
 * A small tmpfs, for a disk that really fills up. Mounting needs root and a kernel that allows it here;
 * without them the tests say why they are skipped.
 */
describe('on a full disk (tmpfs)', () => {
  let disk: string | undefined;
  let reason = '';
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'ladder-tmpfs-'));
    if (process.getuid?.() !== 0) {
      reason = 'mounting a tmpfs needs root';
      return;
    }
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'pipe' });
      disk = dir;
    } catch (error) {
      reason = `cannot mount a tmpfs here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
    }
  });
  afterAll(() => {
    if (disk) execFileSync('umount', [disk]);
  });
  const needDisk = (ctx: { skip: (note?: string) => never }): string => {
    if (disk) return disk;
    console.log(`skipped: ${reason}`);
    return ctx.skip(reason);
  };

  it('lint --fix exits 2 naming the file, and the file stays byte for byte', async (ctx) => {
    const root = join(needDisk(ctx), 'lint');
    writeTreeAt(root, ladderTree(300));
    const path = join(root, 'makers', 'engineer.md');
    const before = readFileSync(path);
    expect(before.length).toBeGreaterThan(3 * 4096);
    const fillers = fillDisk(disk!, 4096);
    try {
      const run = await ladder(['--ladder', root, 'lint', '--fix'], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`error: ${path}: cannot write (ENOSPC); the disk is full and nothing was changed; free some space and run again\n`);
      expect(readFileSync(path)).toEqual(before);
      expect(listing(root)).toEqual(['makers', 'makers/engineer.md', 'makers/senior-engineer.md']);
    } finally {
      for (const filler of fillers) rmSync(filler, { force: true });
    }
  });

  it('export --out exits 2, and the export that was there stays whole', async (ctx) => {
    const out = join(needDisk(ctx), 'export');
    const ladderRoot = writeTree(ladderTree(40));
    mkdirSync(out);
    expect(await ladder(['--ladder', ladderRoot, 'export', '--format', 'json', '--out', 'ladder.json'], out)).toMatchObject({ code: 0, stderr: '' });
    const before = readFileSync(join(out, 'ladder.json'));
    writeTreeAt(ladderRoot, { 'makers/staff-engineer.md': role('Staff Engineer', 'Senior Engineer') });
    const fillers = fillDisk(disk!, 4096);
    try {
      const run = await ladder(['--ladder', ladderRoot, 'export', '--format', 'json', '--out', 'ladder.json'], out);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(`error: ${join(out, 'ladder.json')}: cannot write (ENOSPC); the disk is full and nothing was changed; free some space and run again\n`);
      expect(readFileSync(join(out, 'ladder.json'))).toEqual(before);
      expect(JSON.parse(before.toString()).roles).toHaveLength(2);
      expect(listing(out)).toEqual(['ladder.json']);
    } finally {
      for (const filler of fillers) rmSync(filler, { force: true });
    }
  });
});

/** Fills `disk` with files of one page each until it is full, then frees `free` bytes; returns the fillers to remove. */
function fillDisk(disk: string, free: number): string[] {
  const fillers: string[] = [];
  const page = Buffer.alloc(4096, 'f');
  for (;;) {
    const filler = join(disk, `filler-${fillers.length}`);
    fillers.push(filler);
    const fd = openSync(filler, 'w');
    try {
      if (writeSync(fd, page) < page.length) break;
    } catch {
      break;
    } finally {
      closeSync(fd);
    }
  }
  for (let freed = 0; freed < free + 4096 && fillers.length > 0; freed += 4096) rmSync(fillers.pop()!);
  return fillers;
}

function writeTreeAt(root: string, tree: Record<string, string>): void {
  for (const [file, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
}

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(listing(root).map((file) => [file, statSync(join(root, file)).isFile() ? readFileSync(join(root, file), 'utf8') : '(folder)']));
}

function catchError(action: () => void): LadderError {
  try {
    action();
  } catch (error) {
    return error as LadderError;
  }
  throw new Error('expected an error');
}

/** Runs the built binary as the unprivileged user "nobody" (uid 65534). */
/**
 * Runs the built binary as the user "nobody", from a copy of the tool in a folder anyone may read: the
 * checkout itself may sit in a folder only root can enter (a CI clone into a fresh temporary folder).
 */
function asNobody(args: string[], cwd: string) {
  const tool = mkdtempSync('/tmp/ladder-nobody-tool-');
  try {
    chmodSync(tool, 0o755);
    for (const part of ['bin', 'dist', 'package.json', join('node_modules', 'yaml')]) cpSync(join(repoRoot, part), join(tool, part), { recursive: true });
    const result = spawnSync(process.execPath, [join(tool, 'bin', 'ladder.js'), ...args], { uid: 65534, gid: 65534, env: { PATH: process.env.PATH }, cwd, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(tool, { recursive: true, force: true });
  }
}
