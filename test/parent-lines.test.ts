import { describe, expect, it } from 'vitest';
import { parseRoleFile } from '../src/load/parse-file.js';
import { outlineRole } from '../src/load/parse-role.js';
import { writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/** Runs the CLI in-process, with no cache and no ladder of its own in the working folder. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runMain([...args, '--no-cache'], { cwd: writeTree({}) });
}

/** A role file whose line 4 is `line`, between its title and its one section. */
const withLine = (title: string, line: string, bullet = `Does ${title} work.`) => `${title}\n${'-'.repeat(title.length)}\n\n${line}\n\n### Craft\n* ${bullet}\n`;
const parentOf = (line: string, patterns?: string[]) => outlineRole(withLine('Lead', line), { inheritPatterns: patterns }).parent;

describe('parent lines the parser reads', () => {
  it.each([
    ['*Same as Engineer, but also:*', { name: 'Engineer' }],
    ['Same as Engineer, plus...', { name: 'Engineer' }],
    ['Same as Engineer plus the following:', { name: 'Engineer' }],
    ['Inherits from Engineer.', { name: 'Engineer' }],
    ['Inherits from the Engineer', { name: 'Engineer', article: 'the' }],
    ['Builds on [Engineer](engineer.md).', { name: 'Engineer', link: 'engineer.md' }],
    ['*Same as [Engineer](engineer.md), but also…*', { name: 'Engineer', link: 'engineer.md' }],
    ['*Same as L3 and...*', { name: 'L3' }],
    ['Everything in Senior Engineer, and also:', { name: 'Senior Engineer' }],
    ['performed the role of [Engineer II](engineer_ii.md)', { name: 'Engineer II', link: 'engineer_ii.md' }],
    ['Has performed the role of an Engineer II.', { name: 'Engineer II', article: 'an' }],
    ['> Same as Engineer, but also...', { name: 'Engineer' }],
    ['Same as Research and Development Engineer, but also...', { name: 'Research and Development Engineer' }],
    ['(Inherits the role expectations of a Senior Engineer)', { name: 'Senior Engineer', article: 'a' }],
  ])('%j names its parent', (line, expected) => {
    const parent = parentOf(line);
    expect(parent).toEqual({ ...expected, line: 4, column: line.startsWith('>') ? 3 : 1 });
  });

  it.each([
    ['*Same as L1, L2, but also...*', ['L1', 'L2']],
    ['Same as L1, L2 and L3', ['L1', 'L2', 'L3']],
    ['Same as Engineer II, Senior Engineer, and Tech Lead, but also:', ['Engineer II', 'Senior Engineer', 'Tech Lead']],
  ])('%j lists several parents in order, the first as name', (line, names) => {
    expect(parentOf(line)).toEqual({ name: names[0], names, line: 4, column: 1 });
  });

  it('reads a ladder.yaml pattern written with emphasis, commas and dots, against the plain text', () => {
    expect(parentOf('_Grows out of the Engineer role_', ['*Grows out of {parent} role*'])).toMatchObject({ name: 'Engineer', article: 'the' });
    expect(parentOf('Grows out of Engineer role.', ['**Grows out of {parent} role...**'])).toMatchObject({ name: 'Engineer' });
    expect(parentOf('Grows out of Engineer role', [])).toBeNull();
    const outline = outlineRole(withLine('Lead', '*Same as L3 and...*'), { inheritPatterns: ['*Same as {parent} and...*'] });
    expect(outline.parentPattern).toBe('*Same as {parent} and...*');
  });

  it('does not take a sentence for a list of parents, nor a long phrase for a name', () => {
    expect(parentOf('Same as last year, we expect engineers to own delivery.')).toBeNull();
    expect(parentOf('Same as most engineers who joined the team a few years ago.')).toBeNull();
  });

  it('leaves a paragraph of description alone, even one that mentions building on something', () => {
    const outline = outlineRole(withLine('Engineer', 'An engineer builds on what the team knows, and inherits a codebase.'));
    expect(outline.parent).toBeNull();
    expect(outline.unrecognisedParentLines).toEqual([]);
    expect(outline.description).toBe('An engineer builds on what the team knows, and inherits a codebase.');
  });
});

describe('parent lines the parser cannot read', () => {
  it.each([
    ['This role builds on Senior Engineer.', 'This role builds on {parent}'],
    ['Same as Engineer but also owns the roadmap.', 'Same as {parent} but also owns the roadmap'],
    ['Has previously performed the role of [Engineer II](engineer_ii.md) for a year.', 'Has previously performed the role of {parent} for a year'],
    ['[Senior Engineer](senior.md)', undefined],
  ])('%j is a problem naming the line and the ladder.yaml pattern that would read it', async (line, pattern) => {
    const parsed = await parseRoleFile('lead.md', withLine('Lead', line));
    expect(parsed.roles[0]!.parent).toBeNull();
    expect(parsed.problems).toHaveLength(1);
    const [problem] = parsed.problems;
    expect(problem).toMatchObject({ code: 'unrecognised-parent-line', file: 'lead.md', line: 4, column: 1 });
    expect(problem!.message).toContain(`"${line}" reads like a parent line`);
    expect(problem!.message).toContain('"(Inherits the role expectations of <Parent>)" or "Same as <Parent>, but also..."');
    if (pattern) expect(problem!.message).toContain(`add "${pattern}" to "inherits: patterns:" in ladder.yaml`);
    else expect(problem!.message).not.toContain('ladder.yaml');
  });

  it('is no problem when front matter names the parent', async () => {
    const parsed = await parseRoleFile('lead.md', `---\ninherits: Engineer\n---\n${withLine('Lead', 'This role builds on Senior Engineer.')}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.roles[0]!.parent).toMatchObject({ name: 'Engineer' });
  });
});

describe('linear time on hostile input', () => {
  const junk = '\u00a0\u2003,.() '.repeat(17_000); // ~100 KB of Unicode spaces and punctuation

  it('reads a parent line followed by 100 KB of spaces and punctuation in well under a second', () => {
    const started = performance.now();
    const outline = outlineRole(withLine('Lead', `Same as Engineer, but also${junk}`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outline.parent).toMatchObject({ name: 'Engineer' });
  });

  it('takes a 100 KB phrasing, and one with it in the middle, in well under a second', () => {
    const text = withLine('Lead', `Grows out of Engineer.${junk}`);
    const started = performance.now();
    const patterns = [`Grows${junk}out of {parent}`, `Grows out of {parent} and${junk}more`, `${junk}Grows out of {parent}${junk}`];
    const outline = outlineRole(text, { inheritPatterns: patterns });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outline.parent).toMatchObject({ name: 'Engineer' });
    expect(outline.parentPattern).toBe(patterns[2]);
  });

  it('quotes a 100 KB phrasing that reads nothing cut to a readable line', async () => {
    const root = writeTree({
      'engineer.md': 'Engineer\n========\n\n### Craft\n* Writes tested code.\n',
      'ladder.yaml': `inherits:\n  patterns:\n    - "Grows${junk}from {parent}"\n`,
    });
    const lint = await run(['lint', '--ladder', root]);
    expect(lint.stdout).toContain('unused-inherits-pattern');
    expect(Math.max(...lint.stdout.split('\n').map((line) => line.length))).toBeLessThan(400);
  });

  it('does not take a long paragraph for a parent line', () => {
    const started = performance.now();
    const outline = outlineRole(withLine('Lead', `Same as Engineer, but also ${'mentors people, '.repeat(6000)}`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outline.parent).toBeNull();
    expect(outline.unrecognisedParentLines).toEqual([]);
  });
});

describe('headings and descriptions', () => {
  it('takes a ## line under the title for a subtitle, and the ### headings for sections', () => {
    const outline = outlineRole('# Senior\n\n## Ships with care\n\nSame as Engineer, but also:\n\n### Delivery\n* Ships.\n\n#### Reviews\n* Reviews.\n\n### Craft\n* Codes.\n');
    expect(outline.title).toBe('Senior');
    expect(outline.parent).toMatchObject({ name: 'Engineer', line: 5 });
    expect(outline.description).toBe('Ships with care');
    expect(outline.descriptionLine).toBe(3);
    expect(outline.sections.map((s) => [s.title, s.expectations.map((e) => [e.text, e.subsection])])).toEqual([
      ['Delivery', [['Ships.', undefined], ['Reviews.', 'Reviews']]],
      ['Craft', [['Codes.', undefined]]],
    ]);
  });

  it('keeps ## sections with ### subsections when ## headings run through the file', () => {
    const outline = outlineRole('# Senior\n\n## Delivery\n\n### Planning\n* Plans.\n\n### Shipping\n* Ships.\n\n## Craft\n\n### Code\n* Codes.\n');
    expect(outline.sections.map((s) => [s.title, s.expectations.map((e) => e.subsection)])).toEqual([
      ['Delivery', ['Planning', 'Shipping']],
      ['Craft', ['Code']],
    ]);
    expect(outline.description).toBe('');
  });

  it('does not take a ## section for the title when front matter sets it', async () => {
    const parsed = await parseRoleFile('s.md', '---\ntitle: Senior\n---\n\n## Delivery\n* Ships.\n\n## Craft\n* Codes.\n');
    expect(parsed.roles[0]).toMatchObject({ title: 'Senior', strayExpectations: [] });
    expect(parsed.roles[0]!.sections.map((s) => [s.title, s.line, s.expectations.length])).toEqual([
      ['Delivery', 5, 1],
      ['Craft', 8, 1],
    ]);
  });

  it('takes a blockquote and a paragraph under the title for the description, and keeps ### Role description', () => {
    const quoted = outlineRole('Senior\n======\n\n> Leads projects\n> from design to launch.\n\n### Delivery\n* Ships.\n');
    expect(quoted.description).toBe('Leads projects\nfrom design to launch.');
    expect(quoted.descriptionLine).toBe(4);
    const both = outlineRole('Senior\n======\nSame as Engineer.\n\nA short summary.\n\n### Role description\nThe long one.\n\n### Delivery\n* Ships.\n');
    expect(both.description).toBe('A short summary.\n\nThe long one.');
    expect(both.descriptionLine).toBe(7);
    expect(both.sections.map((s) => s.title)).toEqual(['Delivery']);
  });
});

describe('through the CLI', () => {
  const ladder = () =>
    writeTree({
      'engineer.md': 'Engineer\n========\n\n### Craft\n* Writes tested code.\n',
      'engineer_ii.md': 'Engineer II\n===========\n\n*Same as Engineer, but also:*\n\n### Craft\n* Designs small features.\n',
      'senior.md': 'Senior\n======\n\nBuilds on [Engineer II](engineer_ii.md).\n\n### Craft\n* Leads projects.\n',
      'staff.md': 'Staff\n=====\n\nInherits from Senior.\n\n### Craft\n* Sets direction.\n',
      'principal.md': 'Principal\n=========\n\n*Same as Staff and...*\n\n### Craft\n* Shapes the product area.\n',
      'lead.md': 'Lead\n====\n\nperformed the role of [Engineer II](engineer_ii.md)\n\n### Craft\n* Leads a team.\n',
    });

  it('show --json inherits every expectation up the chain the variants name', async () => {
    const result = await run(['show', 'principal', '--json', '--ladder', ladder()]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const shown = JSON.parse(result.stdout);
    expect(shown.chain).toEqual(['principal', 'staff', 'senior', 'engineer_ii', 'engineer']);
    expect(shown.sections[0].expectations.map((e: { text: string; source: string }) => `${e.source}: ${e.text}`)).toEqual([
      'engineer: Writes tested code.',
      'engineer_ii: Designs small features.',
      'senior: Leads projects.',
      'staff: Sets direction.',
      'principal: Shapes the product area.',
    ]);
  });

  it('list --json gives each role its level', async () => {
    const result = await run(['list', '--json', '--ladder', ladder()]);
    const levels = Object.fromEntries(JSON.parse(result.stdout).roles.map((r: { id: string; level: number }) => [r.id, r.level]));
    expect(levels).toEqual({ engineer: 1, engineer_ii: 2, senior: 3, staff: 4, principal: 5, lead: 3 });
  });

  it('reports a short line naming a role by its title that no phrasing reads, not description that mentions one', async () => {
    const root = writeTree({
      'engineer.md': 'Engineer\n========\n\n### Craft\n* Writes tested code.\n',
      'senior-engineer.md': 'Senior Engineer\n===============\n\nThis role grows out of Engineer.\n\n### Craft\n* Leads projects.\n',
      'manager.md': 'Manager\n=======\n\nA manager works with every engineer on the team.\n\n### Craft\n* Hires.\n',
    });
    const lint = await run(['lint', '--ladder', root]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('4:1  error');
    expect(lint.stdout).toContain('"This role grows out of Engineer." names the role "Engineer" but no phrasing reads it as a parent line');
    expect(lint.stdout).not.toMatch(/manager\.md\n[^\n]*unrecognised-parent-line/);
    expect(lint.stdout).toContain('1 error');
    const show = await run(['show', 'senior-engineer', '--ladder', root]);
    expect(show.stderr).toContain('warning: senior-engineer.md:4: "This role grows out of Engineer." names the role "Engineer"');
    const init = await run(['init', '--dir', root]);
    expect(init.stdout).not.toMatch(/every role resolves|Nothing to configure/i);
  });

  it('lint reports an unrecognised parent line as an error, and show warns about it', async () => {
    const root = writeTree({
      'engineer.md': 'Engineer\n========\n\n### Craft\n* Writes tested code.\n',
      'senior.md': 'Senior\n======\n\nThis role builds on Engineer.\n\n### Craft\n* Leads projects.\n',
    });
    const linted = await run(['lint', '--format', 'json', '--ladder', root]);
    expect(linted.code).toBe(1);
    const findings = JSON.parse(linted.stdout).findings.map((f: { ruleId: string; severity: string; file: string; line: number }) => `${f.file}:${f.line} ${f.severity} ${f.ruleId}`);
    expect(findings).toEqual(['senior.md:4 error unrecognised-parent-line']);
    const shown = await run(['show', 'senior', '--ladder', root]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/^warning: senior\.md:4: "This role builds on Engineer\." reads like a parent line/m);
  });

  it('lint warns at ladder.yaml about a pattern that reads no file, and not about one that reads a file', async () => {
    const root = writeTree({
      'ladder.yaml': 'inherits:\n  patterns:\n    - "*Grows out of {parent}*"\n    - "Extends {parent}"\n',
      'engineer.md': 'Engineer\n========\n\n### Craft\n* Writes tested code.\n',
      'senior.md': 'Senior\n======\n\nGrows out of Engineer.\n\n### Craft\n* Leads projects.\n',
    });
    const linted = await run(['lint', '--format', 'json', '--ladder', root]);
    expect(linted.code).toBe(0);
    const [finding, ...rest] = JSON.parse(linted.stdout).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'unused-inherits-pattern', severity: 'warning', file: 'ladder.yaml', line: 4 });
    expect(finding.message).toContain('"Extends {parent}" reads no role\'s parent line');
    expect(JSON.parse((await run(['show', 'senior', '--json', '--ladder', root])).stdout).chain).toEqual(['senior', 'engineer']);
  });

  it('show --json gives sections, subtitle and blockquote description of a file with a tagline', async () => {
    const root = writeTree({
      'engineer.md': '---\ntitle: Engineer\n---\n\n## Craft\n* Writes tested code.\n',
      'senior.md': '# Senior\n\n## The one who ships\n\n> Leads projects.\n\nSame as Engineer, but also:\n\n### Craft\n* Leads projects.\n\n### Impact\n* Grows people.\n',
    });
    const shown = JSON.parse((await run(['show', 'senior', '--json', '--ladder', root])).stdout);
    expect(shown.description).toBe('The one who ships\n\nLeads projects.');
    expect(shown.sections.map((s: { title: string; expectations: unknown[] }) => [s.title, s.expectations.length])).toEqual([
      ['Craft', 2],
      ['Impact', 1],
    ]);
    const linted = await run(['lint', '--format', 'json', '--ladder', root]);
    expect(JSON.parse(linted.stdout).findings).toEqual([]);
  });
});
