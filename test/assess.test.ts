import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AssessReport } from '../src/schema/evidence.js';
import type { LadderChanges } from '../src/schema/changes.js';
import { gitEnv, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

/** A small ladder: Staff holds what Engineer and Senior write, in two sections. */
const ladderFiles = (seniorDelivery = 'Leads projects from design through launch.') => ({
  'ladder/makers/engineer.md': role('Engineer', null, { Delivery: ['Ships small changes.', 'Tests their own work.'] }),
  'ladder/makers/senior.md': role('Senior Engineer', 'Engineer', {
    Delivery: [seniorDelivery, 'Writes the project plan.'],
    Mentoring: ['Provides support and coaching to engineers.'],
  }),
  'ladder/makers/staff.md': role('Staff Engineer', 'Senior Engineer', { Delivery: ['Plans the quarterly roadmap.'] }),
});

/** The expectation ids of a role, by text, as `show --json` gives them. */
async function idsByText(args: string[]): Promise<Map<string, string>> {
  const shown = JSON.parse((await runMain([...args, '--json'])).stdout) as { sections: { expectations: { id: string; text: string }[] }[] };
  return new Map(shown.sections.flatMap((s) => s.expectations.map((e) => [e.text, e.id] as const)));
}

/** Replaces `<id>: []` in a YAML template with evidence for it, as a person filling it in would. */
function fill(yaml: string, id: string, evidence: string): string {
  expect(yaml).toContain(`  ${id}: []\n`);
  return yaml.replace(`  ${id}: []\n`, `  ${id}:\n${evidence}`);
}

async function assessJson(args: string[], cwd: string): Promise<AssessReport> {
  const run = await runMain([...args, '--json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as AssessReport;
  expect(validateAgainst('assess.schema.json', report)).toEqual([]);
  return report;
}

const gapTexts = (report: AssessReport) => report.sections.flatMap((s) => s.expectations.filter((e) => e.evidence.length === 0).map((e) => e.text));

describe('ladder assess on the bundled ladder', () => {
  it('writes a template of every Staff expectation for a Senior, and reports the gap once some are filled in', async () => {
    const dir = writeTree({});
    const written = await runMain(['--example', 'assess', 'senior', '--template', '--out', 'evidence.yaml'], { cwd: dir });
    expect(written.code).toBe(0);
    const template = readFileSync(join(dir, 'evidence.yaml'), 'utf8');
    const ids = await idsByText(['--example', 'show', 'staff-engineer']);
    const data = parse(template);
    expect(validateAgainst('evidence.schema.json', data)).toEqual([]);
    expect(data.role).toBe('senior-engineer');
    expect(data.target).toBe('staff-engineer');
    expect(Object.keys(data.evidence)).toEqual([...ids.values()]);
    expect(written.stdout).toBe(`wrote evidence.yaml: ${ids.size} expectations of Staff Engineer to fill in\n`);
    // Each id has its text in the comment just above it.
    const [firstText, firstId] = [...ids][0]!;
    expect(template).toContain(`  # ${firstText}\n  ${firstId}: []\n`);

    const [a, b] = [...ids.values()].slice(-2);
    let filled = fill(template, a!, '    - link: https://example.com/pull/7\n      note: Led the review.\n      self: sometimes\n');
    filled = fill(filled, b!, '    note: Wrote the runbook.\n');
    writeFileSync(join(dir, 'evidence.yaml'), filled);
    const report = await assessJson(['--example', 'assess', 'senior', '--evidence', 'evidence.yaml'], dir);
    expect(report.target).toEqual({ id: 'staff-engineer', title: 'Staff Engineer' });
    expect(report.summary).toEqual({ expectations: ids.size, withEvidence: 2, gap: ids.size - 2, orphaned: 0, ratingProblems: 0 });
    expect(gapTexts(report)).toEqual([...ids.keys()].slice(0, -2));
    const evidenced = report.sections.flatMap((s) => s.expectations).filter((e) => e.evidence.length);
    expect(evidenced.map((e) => [e.id, e.evidence])).toEqual([
      [a, [{ link: 'https://example.com/pull/7', note: 'Led the review.', self: 'sometimes' }]],
      [b, [{ note: 'Wrote the runbook.' }]],
    ]);
  });

  it('refuses to replace an existing file with a template, and says so in one line', async () => {
    const dir = writeTree({ 'evidence.yaml': 'mine\n' });
    const run = await runMain(['--example', 'assess', 'senior', '--template', '--out', 'evidence.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: evidence.yaml: already exists; an evidence file is never replaced: choose another --out, or remove it first\n');
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe('mine\n');
  });

  it('needs a target at the top of a track, and names the choice where a role leads to several', async () => {
    const top = await runMain(['--example', 'assess', 'principal-engineer', '--template']);
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/^error: "principal-engineer" is the top of its track \(.+\); give the role to aim for with --target <role>\n$/);
    const explicit = await runMain(['--example', 'assess', '--template', 'principal-engineer']);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toContain('target: principal-engineer\n');
  });

  it('--exit-code exits 1 while there is a gap', async () => {
    const dir = writeTree({ 'e.yaml': 'target: staff-engineer\nevidence: {}\n' });
    expect((await runMain(['--example', 'assess', '--evidence', 'e.yaml', '--exit-code'], { cwd: dir })).code).toBe(1);
    expect((await runMain(['--example', 'assess', '--evidence', 'e.yaml'], { cwd: dir })).code).toBe(0);
  });
});

describe('the Markdown evidence file', () => {
  it('reads prose under "## text {#id}" headings: list items and paragraphs are evidence, Self:/Date: lines rate the piece above', async () => {
    const dir = writeTree(ladderFiles());
    const cwd = join(dir, 'ladder');
    const template = await runMain(['assess', 'senior', '--template', '--format', 'markdown'], { cwd });
    expect(template.code).toBe(0);
    const ids = await idsByText(['--ladder', cwd, 'show', 'staff']);
    const roadmap = ids.get('Plans the quarterly roadmap.')!;
    const ships = ids.get('Ships small changes.')!;
    expect(template.stdout).toContain(`## Plans the quarterly roadmap. {#${roadmap}}\n`);
    const filled = template.stdout
      .replace(`{#${roadmap}}\n`, `{#${roadmap}}\n\nI wrote the 2026 roadmap with the team,\nsee https://example.com/roadmap for the doc.\nSelf: consistently\nDate: 2026-02-01\n`)
      .replace(`{#${ships}}\n`, `{#${ships}}\n\n- Forty small pull requests last quarter.\n- Manager: sometimes\n`);
    writeFileSync(join(dir, 'evidence.md'), filled);
    const report = await assessJson(['--ladder', cwd, 'assess', '--evidence', join(dir, 'evidence.md')], dir);
    expect(report.role?.id).toBe('senior');
    expect(report.summary.withEvidence).toBe(2);
    const byId = new Map(report.sections.flatMap((s) => s.expectations).map((e) => [e.id, e.evidence]));
    expect(byId.get(roadmap)).toEqual([
      { note: 'I wrote the 2026 roadmap with the team, see https://example.com/roadmap for the doc.', link: 'https://example.com/roadmap', self: 'consistently', date: '2026-02-01' },
    ]);
    expect(byId.get(ships)).toEqual([{ note: 'Forty small pull requests last quarter.', manager: 'sometimes' }]);
  });

  it('refuses a "##" heading without an id, naming the line', async () => {
    const dir = writeTree({ ...ladderFiles(), 'e.md': 'target: staff\n\n## Some expectation\n\nDid it.\n' });
    const run = await runMain(['--ladder', join(dir, 'ladder'), 'assess', '--evidence', 'e.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: e\.md:3: heading without an expectation id; end it with \{#<id>\}.*\n$/);
  });
});

describe('evidence that survives ladder edits', () => {
  /** A Staff evidence file written from the ladder before the rewording, with evidence for the Senior delivery expectation. */
  async function evidenceBeforeRewording(extra = '') {
    const dir = writeTree(ladderFiles());
    const cwd = join(dir, 'ladder');
    const template = (await runMain(['assess', 'senior', '--template'], { cwd })).stdout;
    const oldId = (await idsByText(['--ladder', cwd, 'show', 'staff'])).get('Leads projects from design through launch.')!;
    const text = fill(template, oldId, '    # the Atlas migration\n    - link: https://example.com/atlas\n      note: Led it end to end.\n') + extra;
    writeFileSync(join(dir, 'evidence.yaml'), text);
    // The ladder is edited afterwards: the expectation is reworded, so its id changes.
    writeFileSync(join(cwd, 'makers/senior.md'), ladderFiles('Leads projects of several weeks from design through launch.')['ladder/makers/senior.md']);
    const newId = (await idsByText(['--ladder', cwd, 'show', 'staff'])).get('Leads projects of several weeks from design through launch.')!;
    return { dir, cwd, text, oldId, newId };
  }

  it('reports the orphaned id with the most similar expectation, and --fix moves it there changing only the id', async () => {
    const { dir, cwd, text, oldId, newId } = await evidenceBeforeRewording();
    const report = await assessJson(['--ladder', cwd, 'assess', '--evidence', 'evidence.yaml'], dir);
    expect(report.orphans).toEqual([
      {
        id: oldId,
        line: text.split('\n').indexOf(`  ${oldId}:`) + 1,
        text: 'Leads projects from design through launch.',
        items: 1,
        closest: { id: newId, text: 'Leads projects of several weeks from design through launch.', similarity: expect.any(Number) },
        movable: true,
      },
    ]);
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe(text);

    const fixed = await runMain(['--ladder', cwd, 'assess', '--evidence', 'evidence.yaml', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toMatch(new RegExp(`^warning: evidence\\.yaml:\\d+: moved evidence from ${oldId} to ${newId} \\("Leads projects of several weeks from design through launch\\.", likeness 0\\.\\d\\d\\)\\n$`));
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe(text.replace(`  ${oldId}:`, `  ${newId}:`));
    expect(fixed.stdout).toContain('✓ Leads projects of several weeks from design through launch.');
    const after = await assessJson(['--ladder', cwd, 'assess', '--evidence', 'evidence.yaml'], dir);
    expect(after.orphans).toEqual([]);
    expect(after.summary.withEvidence).toBe(1);
  });

  it('leaves a low-likeness orphan where it is, and says why', async () => {
    const { dir, cwd, text, newId } = await evidenceBeforeRewording('  # Organises the office party.\n  someone/else/0badf00d: Booked the venue.\n');
    const moved = text.replace(/ {2}senior\/delivery\/\w+:/, `  ${newId}:`);
    const fixed = await runMain(['--ladder', cwd, 'assess', '--evidence', 'evidence.yaml', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain('left someone/else/0badf00d alone: the closest expectation is too different to be sure (likeness 0.');
    // The close one moved; the unrelated one did not.
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe(moved);
    const report = await assessJson(['--ladder', cwd, 'assess', '--evidence', 'evidence.yaml'], dir);
    expect(report.orphans.map((o) => [o.id, o.movable])).toEqual([['someone/else/0badf00d', false]]);
  });

  it('an unknown id with no text beside it is a finding, never a guess', async () => {
    const dir = writeTree({ ...ladderFiles(), 'e.yaml': 'target: staff\nevidence:\n  no/such/id: Did a thing.\n' });
    const report = await assessJson(['--ladder', join(dir, 'ladder'), 'assess', '--evidence', 'e.yaml'], dir);
    expect(report.orphans).toEqual([{ id: 'no/such/id', line: 3, text: null, items: 1, closest: null, movable: false }]);
  });
});

describe('broken and hostile evidence files', () => {
  const cases: [string, string, RegExp][] = [
    ['bad YAML', 'target: staff\nevidence:\n  a: b: c\n', /^error: e\.yaml:3: not valid YAML: .*\n$/],
    ['an unknown key in an item', 'target: staff\nevidence:\n  a:\n    - lnk: https://x\n', /^error: e\.yaml:4: "evidence\.a\.0": .*\n$/],
    ['an unknown top-level key', 'target: staff\ngoal: x\n', /^error: e\.yaml:1: Unrecognized key: "goal".*\n$/],
  ];
  it.each(cases)('%s: exit 2 with one line naming the file and line', async (_name, text, stderr) => {
    const dir = writeTree({ ...ladderFiles(), 'e.yaml': text });
    const run = await runMain(['--ladder', join(dir, 'ladder'), 'assess', '--evidence', 'e.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
  });

  it('reports ratings off the scale ladder.yaml sets, with file and line', async () => {
    const dir = writeTree({
      ...ladderFiles(),
      'ladder/ladder.yaml': 'assess:\n  scale: [starting, growing, strong]\n',
      'e.yaml': 'target: staff\nevidence:\n  x:\n    - note: did\n      self: Growing\n    - note: again\n      manager: sometimes\n',
    });
    const run = await runMain(['--ladder', join(dir, 'ladder'), 'assess', '--evidence', 'e.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: e.yaml:6: manager rating "sometimes" is not on the scale; use one of: starting, growing, strong (set in ladder.yaml, assess.scale)\n');
    const report = JSON.parse(run.stdout) as AssessReport;
    expect(report.scale).toEqual(['starting', 'growing', 'strong']);
    expect(report.ratingProblems).toEqual([{ id: 'x', line: 6, who: 'manager', rating: 'sometimes' }]);
  });

  it('shows hostile text inert in every format: escapes in the terminal, no script or javascript: link in HTML or Markdown', async () => {
    const dir = writeTree(ladderFiles());
    const cwd = join(dir, 'ladder');
    const id = (await idsByText(['--ladder', cwd, 'show', 'staff'])).get('Plans the quarterly roadmap.')!;
    writeFileSync(
      join(dir, 'e.yaml'),
      `target: staff\nevidence:\n  ${id}:\n    - link: "javascript:alert(1)"\n      note: "<script>alert(1)</script> \\e[2J done"\n    - link: docs/plan.md\n      note: the plan\n`,
    );
    const run = (format: string) => runMain(['--ladder', cwd, 'assess', '--evidence', 'e.yaml', '--format', format], { cwd: dir });
    const text = (await run('text')).stdout;
    expect(text).not.toContain('\x1b');
    expect(text).toContain('\\x1b[2J done');
    const html = (await run('html')).stdout;
    expect(html).not.toMatch(/<script|href="javascript/i);
    expect(html).toContain('<code>javascript:alert(1)</code>');
    expect(html).not.toContain('\x1b');
    expect(html).toContain('<a href="docs/plan.md">docs/plan.md</a>');
    expect(html).toContain('@media print');
    const markdown = (await run('markdown')).stdout;
    expect(markdown).not.toMatch(/<script|\]\(<?javascript/i);
    expect(markdown).toContain('[docs/plan.md](<docs/plan.md>)');
    expect(markdown).toContain('## The gap');
  });
});

describe('each format', () => {
  it('renders the same report as text, markdown, html and json', async () => {
    const dir = writeTree({ ...ladderFiles(), 'e.yaml': 'target: staff\nevidence: {}\n' });
    const cwd = join(dir, 'ladder');
    const id = (await idsByText(['--ladder', cwd, 'show', 'staff'])).get('Tests their own work.')!;
    writeFileSync(join(dir, 'e.yaml'), `target: staff\nevidence:\n  ${id}:\n    link: https://example.com/tests\n    note: Added the test suite.\n    date: 2026-01-05\n`);
    const outputs = Object.fromEntries(
      await Promise.all(['text', 'markdown', 'html', 'json'].map(async (f) => [f, (await runMain(['--ladder', cwd, 'assess', '--evidence', 'e.yaml', '--format', f], { cwd: dir })).stdout] as const)),
    );
    expect(outputs.text).toContain('Delivery 1 of 5 with evidence\n  · Ships small changes.\n  ✓ Tests their own work.\n      https://example.com/tests — Added the test suite. — (2026-01-05)\n');
    expect(outputs.text).toContain('6 expectations: 1 with evidence, 5 without\n');
    expect(outputs.markdown).toContain('## Delivery (1 of 5)\n\n### Ships small changes.\n\n*No evidence yet.*\n\n### Tests their own work.\n\n- [https://example.com/tests](<https://example.com/tests>) — Added the test suite. — *(2026-01-05)*\n');
    expect(outputs.markdown).toContain('- [ ] Provides support and coaching to engineers. *(Mentoring)*');
    expect(outputs.html).toContain('<a href="https://example.com/tests">https://example.com/tests</a>');
    expect(outputs.html).toContain('<p class="none">No evidence yet.</p>');
    expect(JSON.parse(outputs.json!).summary).toEqual({ expectations: 6, withEvidence: 1, gap: 5, orphaned: 0, ratingProblems: 0 });
  });
});

describe('ladder changes --evidence', () => {
  it('lists the evidence ids each change orphans (reworded, removed, renamed with its role), and leaves the others out', async () => {
    const dir = writeTree(ladderFiles());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    const cwd = join(dir, 'ladder');
    const before = await idsByText(['--ladder', cwd, 'show', 'staff']);
    const ids = ['Leads projects from design through launch.', 'Writes the project plan.', 'Plans the quarterly roadmap.', 'Ships small changes.'].map((t) => before.get(t)!);
    writeFileSync(join(dir, 'e.yaml'), `target: staff\nevidence:\n${ids.map((id) => `  ${id}: did it\n`).join('')}`);
    writeFileSync(
      join(cwd, 'makers/senior.md'),
      role('Senior Engineer', 'Engineer', { Delivery: ['Leads projects of several weeks from design through launch.'], Mentoring: ['Provides support and coaching to engineers.'] }),
    );
    // A renamed role file renames its role, and so every id of what it writes, text unchanged.
    git('mv', 'ladder/makers/staff.md', 'ladder/makers/staff-engineer.md');
    const after = await idsByText(['--ladder', cwd, 'show', 'staff']);
    const run = await runMain(['--ladder', cwd, 'changes', 'main', '--evidence', 'e.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout) as LadderChanges;
    expect(validateAgainst('changes.schema.json', changes)).toEqual([]);
    expect(changes.evidence).toEqual({
      file: 'e.yaml',
      orphaned: [
        {
          id: ids[0],
          change: 'reworded',
          role: 'senior',
          text: 'Leads projects from design through launch.',
          to: { id: after.get('Leads projects of several weeks from design through launch.'), text: 'Leads projects of several weeks from design through launch.' },
        },
        { id: ids[1], change: 'removed', role: 'senior', text: 'Writes the project plan.', to: null },
        { id: ids[2], change: 'renamed', role: 'staff', text: 'Plans the quarterly roadmap.', to: { id: after.get('Plans the quarterly roadmap.'), text: 'Plans the quarterly roadmap.' } },
      ],
    });
    const text = await runMain(['--ladder', cwd, 'changes', 'main', '--evidence', 'e.yaml'], { cwd: dir });
    expect(text.stdout).toContain(`Evidence in e.yaml orphaned by these changes: 3 ids\n  ${ids[0]}: reworded in senior: "Leads projects from design through launch."\n`);
    expect(text.stdout).toContain(`  ${ids[1]}: removed in senior: "Writes the project plan."\n    no expectation takes its place\n`);
    const markdown = await runMain(['--ladder', cwd, 'changes', 'main', '--evidence', 'e.yaml', '--format', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain('## Evidence orphaned (e.yaml)');
  });
});
