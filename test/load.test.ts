import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/load/load-ladder.js';
import { slug } from '../src/text/slug.js';
import { fixture, role, writeTree } from './helpers.js';

describe('slug', () => {
  it('lowercases, strips accents and folds punctuation', () => {
    expect(slug('Ingeniera Sénior')).toBe('ingeniera-senior');
    expect(slug('VP, Engineering')).toBe('vp-engineering');
    expect(slug('  --Staff__Engineer!! ')).toBe('staff-engineer');
  });
});

describe('loadLadder on the messy fixture', () => {
  it('finds roles in nested folders and skips README, CHANGELOG and images', async () => {
    const ladder = await loadLadder(fixture('messy'));
    expect(ladder.roles.map((r) => r.file).sort()).toEqual([
      'ic/engineer.md',
      'ic/senior-engineer.md',
      'people/Ingeniera Sénior.md',
      'people/director.md',
      'people/engineering-manager.md',
    ]);
    expect(ladder.problems).toEqual([]);
  });

  it('reads setext, ATX and front-matter titles, tracks from folders or front matter', async () => {
    const ladder = await loadLadder(fixture('messy'));
    const byId = new Map(ladder.roles.map((r) => [r.id, r]));
    expect(byId.get('director')!.title).toBe('Engineering Director');
    expect(byId.get('engineering-manager')!.title).toBe('Engineering Manager');
    const ingeniera = byId.get('ingeniera-senior')!;
    expect(ingeniera.title).toBe('Ingeniera Sénior');
    expect(ingeniera.aliases).toEqual(['ingeniera']);
    expect(ingeniera.track).toBe('people');
    expect(ingeniera.parent).toMatchObject({ name: 'Engineering Manager', link: 'engineering-manager.md', line: 6 });
  });

  it('keeps expectation text exactly, trimmed, with its source line, through CRLF and numbered lists', async () => {
    const ladder = await loadLadder(fixture('messy'));
    const manager = ladder.roles.find((r) => r.id === 'engineering-manager')!;
    expect(manager.parent).toMatchObject({ name: 'Senior Engineer', article: 'a', line: 2 });
    const team = manager.sections.find((s) => s.title === 'Team building')!;
    expect(team.expectations.map((e) => e.line)).toEqual([8, 9, 10]);
    expect(team.expectations.every((e) => !e.text.includes('\r') && e.text === e.text.trim())).toBe(true);
    const senior = ladder.roles.find((r) => r.id === 'senior-engineer')!;
    const craft = senior.sections.find((s) => s.title === 'Craft')!;
    // The trailing spaces of line 14 are trimmed; the bullet-less line 16 merged into the item above.
    expect(craft.expectations[0]).toMatchObject({ line: 14 });
    expect(craft.expectations[0]!.text.endsWith(' ')).toBe(false);
    expect(craft.expectations.at(-1)).toMatchObject({ line: 15, endLine: 16 });
  });
});

describe('loadLadder on inline trees', () => {
  it('tolerates a BOM and keeps inline Markdown in expectations', async () => {
    const root = writeTree({
      'a.md': '\uFEFF' + role('Engineer', null, { Craft: ['Writes **clear** code with [tests](https://example.com).'] }),
    });
    const [engineer] = (await loadLadder(root)).roles;
    expect(engineer!.title).toBe('Engineer');
    expect(engineer!.sections[0]!.expectations[0]!.text).toBe('Writes **clear** code with [tests](https://example.com).');
  });

  it('accepts the parent line in any case, with or without parentheses and period', async () => {
    for (const line of ['inherits the role expectations of an engineer', 'INHERITS THE ROLE EXPECTATIONS OF AN ENGINEER.', '(Inherits the role expectations of an Engineer.)']) {
      const root = writeTree({ 'b.md': `Senior\n---\n${line}\n\n### Craft\n* Mentors.\n` });
      expect((await loadLadder(root)).roles[0]!.parent?.name.toLowerCase()).toBe('engineer');
    }
  });

  it('reports bad front matter with its file and line and keeps the valid keys', async () => {
    const root = writeTree({ 'x.md': '---\ntrack: makers\nlevel: high\ncolour: red\n---\n# X\n\n### Craft\n* Does.\n' });
    const ladder = await loadLadder(root);
    expect(ladder.roles[0]!.track).toBe('makers');
    expect(ladder.problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ['x.md', 3, 'front-matter'],
      ['x.md', 4, 'front-matter'],
    ]);
    expect(ladder.problems[1]!.message).toContain('unknown key "colour"');
  });

  it('reports an unclosed front matter block and files that are not UTF-8, loading the rest', async () => {
    const root = writeTree({
      'open.md': '---\ntitle: Open\n# Open\n',
      'latin1.md': Buffer.from('Ingénieur\n---\n', 'latin1'),
      'ok.md': role('Engineer', null),
    });
    const ladder = await loadLadder(root);
    expect(ladder.roles.map((r) => r.id)).toEqual(['ok']);
    expect(ladder.problems.map((p) => `${p.file}:${p.line}:${p.code}`).sort()).toEqual(['latin1.md:1:encoding', 'open.md:1:front-matter']);
  });

  it('does not treat a file without a title as a role, but flags one that looks like a role', async () => {
    const root = writeTree({ 'notes.md': 'Just some notes.\n', 'untitled.md': '(Inherits the role expectations of an Engineer)\n\n### Craft\n* Does.\n' });
    const ladder = await loadLadder(root);
    expect(ladder.roles).toEqual([]);
    expect(ladder.problems).toMatchObject([{ code: 'missing-title', file: 'untitled.md' }]);
  });
});
