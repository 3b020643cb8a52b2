import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, type Fix } from '../src/lint/fix.js';
import { fixture, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { bulletWords, fixOnce, lintFolder } from './lint-helpers.js';

describe('applyFixes', () => {
  it('edits within lines and keeps every line ending as it was, CRLF included', () => {
    const text = 'Title\r\n* One  \r\n* Two\r\n';
    const fixes: Fix[] = [
      { line: 2, column: 6, deleteCount: 2, insertText: '' },
      { line: 2, column: 6, deleteCount: 0, insertText: '.' },
    ];
    expect(applyFixes(text, fixes)).toBe('Title\r\n* One.\r\n* Two\r\n');
  });

  it('adds a missing final line ending in the style of the file', () => {
    expect(applyFixes('a\r\nb\r\nc', [{ line: 3, column: 2, deleteCount: 0, insertText: '\n' }])).toBe('a\r\nb\r\nc\r\n');
    expect(applyFixes('a\nb', [{ line: 2, column: 2, deleteCount: 0, insertText: '\n' }])).toBe('a\nb\n');
  });

  it('deletes whole lines, and of two overlapping edits keeps the first', () => {
    expect(applyFixes('a\n\n\n\nb\n', [{ line: 3, deleteLine: true }, { line: 4, deleteLine: true }])).toBe('a\n\nb\n');
    const overlapping: Fix[] = [
      { line: 1, column: 1, deleteCount: 3, insertText: 'XYZ' },
      { line: 1, column: 2, deleteCount: 1, insertText: '!' },
    ];
    expect(applyFixes('abcd\n', overlapping)).toBe('XYZd\n');
  });

  it('changes nothing without fixes, byte for byte', () => {
    for (const text of ['', 'a', 'a\r\nb\n\rc\r', '\n\n']) expect(applyFixes(text, [])).toBe(text);
  });
});

/** A copy of the messy fixture to fix in place, with one file's permissions narrowed to see they survive. */
function messyCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'ladder-fix-'));
  cpSync(fixture('messy'), root, { recursive: true });
  chmodSync(join(root, 'ic', 'senior-engineer.md'), 0o640);
  return root;
}

function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(root.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('ladder lint --fix (end to end)', () => {
  it('rewrites only the fixable findings on the messy fixture and reports what remains', async () => {
    const root = messyCopy();
    const before = snapshot(root);
    const run = await runMain(['--ladder', root, 'lint', '--fix', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const remaining = JSON.parse(run.stdout);
    expect(remaining.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['restates-inherited', 'lost-bullet', 'empty-section', 'duplicate-section']);
    expect(remaining.summary.fixable).toBe(0);

    const after = snapshot(root);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const text = (file: string, files: Map<string, Buffer>) => files.get(file)!.toString('utf8');
    expect(text('ic/senior-engineer.md', after)).toBe(
      text('ic/senior-engineer.md', before).replace('- Breaks large projects into milestones\n', '- Breaks large projects into milestones.\n').replace('extend and test.   \n', 'extend and test.\n'),
    );
    const manager = text('people/engineering-manager.md', after);
    expect(manager).toBe(text('people/engineering-manager.md', before).replace('promoted to a Engineering Manager', 'promoted to an Engineering Manager'));
    expect(manager.split('\r\n')).toHaveLength(15);
    expect(manager.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text('people/director.md', after)).toBe(
      text('people/director.md', before).replace('(inherits the role expectations of an engineering manager)', '(inherits the role expectations of an Engineering Manager)'),
    );
    for (const file of ['ic/engineer.md', 'people/Ingeniera Sénior.md', 'README.md', 'CHANGELOG.md', 'logo.png']) {
      expect(after.get(file)!.equals(before.get(file)!), file).toBe(true);
    }
    expect(statSync(join(root, 'ic', 'senior-engineer.md')).mode & 0o777).toBe(0o640);
  });

  it('is idempotent: a second run changes nothing and reports the same', async () => {
    const root = messyCopy();
    const first = await runMain(['--ladder', root, 'lint', '--fix']);
    const fixed = snapshot(root);
    const second = await runMain(['--ladder', root, 'lint', '--fix']);
    expect(second).toEqual(first);
    const again = snapshot(root);
    for (const [file, bytes] of fixed) expect(again.get(file)!.equals(bytes), file).toBe(true);
  });

  it('keeps a byte order mark and touches nothing when there is nothing to fix', async () => {
    const root = writeTree({ 'a.md': '\uFEFFEngineer\n---\n\n### Craft\n* Codes  \n', 'b.md': 'Senior\n---\n\n### Craft\n* Designs.\n' });
    const b = readFileSync(join(root, 'b.md'));
    expect((await runMain(['--ladder', root, 'lint', '--fix'])).code).toBe(0);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('\uFEFFEngineer\n---\n\n### Craft\n* Codes.\n');
    expect(readFileSync(join(root, 'b.md')).equals(b)).toBe(true);
  });
});


describe('--fix on generated ladders', () => {
  const word = fc.constantFrom('ships', 'code', 'reviews', 'designs', 'mentors', 'team', 'the', 'a', 'tests', 'clear', 'plans');
  const bullet = fc.record({
    words: fc.array(word, { minLength: 1, maxLength: 6 }),
    period: fc.boolean(),
    trailing: fc.constantFrom('', ' ', '  \t'),
  });
  type RoleFile = { bullets: { words: string[]; period: boolean; trailing: string }[]; blankLines: number; article: string; eol: string; finalNewline: boolean };
  const roleFile: fc.Arbitrary<RoleFile> = fc.record({
    bullets: fc.array(bullet, { minLength: 1, maxLength: 5 }),
    blankLines: fc.integer({ min: 1, max: 3 }),
    article: fc.constantFrom('a', 'an'),
    eol: fc.constantFrom('\n', '\r\n'),
    finalNewline: fc.boolean(),
  });
  const render = (title: string, parent: string | null, r: RoleFile) => {
    const lines = [title, '---'];
    if (parent) lines.push(`(Inherits the role expectations of ${r.article} ${parent})`);
    lines.push('', '### Role description', `Works as ${r.article} Engineering Manager.`, ...Array(r.blankLines).fill(''), '### Craft');
    for (const b of r.bullets) lines.push(`* ${b.words.join(' ')}${b.period ? '.' : ''}${b.trailing}`);
    return lines.join(r.eol) + (r.finalNewline ? r.eol : '');
  };

  it('leaves nothing fixable, keeps every bullet\'s words, and a second pass changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(roleFile, roleFile, async (engineer, manager) => {
        const root = writeTree({ 'e.md': render('Engineer', null, engineer), 'm.md': render('Engineering Manager', 'Engineer', manager) });
        const words = await bulletWords(root);
        await fixOnce(root);
        expect((await lintFolder(root)).filter((f) => f.fixable)).toEqual([]);
        expect(await bulletWords(root)).toEqual(words);
        const once = snapshot(root);
        await fixOnce(root);
        for (const [file, bytes] of snapshot(root)) expect(bytes.equals(once.get(file)!), file).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
