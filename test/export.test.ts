import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { LadderExport } from '../src/schema/export.js';
import type { ResolvedRole } from '../src/schema/role.js';
import { bundledLadder, fixture, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

const edgeCases = fixture('export');
const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;

/** A fresh folder to run in and write to. */
const scratch = () => mkdtempSync(join(tmpdir(), 'ladder-export-'));
/** Everything under a folder, dot files included, so a leftover temp file or folder shows. */
const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

async function exportRun(args: string[], { ladder = edgeCases, cwd = scratch() } = {}) {
  return { cwd, ...await runMain(['--ladder', ladder, 'export', ...args], { cwd }) };
}

/** What `show --json` prints for every role of a ladder, in list order: the reference every format is checked against. */
async function shownRoles(ladder: string): Promise<ResolvedRole[]> {
  const { roles } = JSON.parse((await runMain(['--ladder', ladder, 'list', '--json'])).stdout) as { roles: { id: string }[] };
  const shown: ResolvedRole[] = [];
  for (const { id } of roles) shown.push(JSON.parse((await runMain(['--ladder', ladder, 'show', id, '--json'])).stdout));
  return shown;
}

const edgeRoles = await shownRoles(edgeCases);

/** Expectations as a flattened page can show them: text, and where they come from. */
const marked = (role: ResolvedRole) =>
  role.sections.flatMap((section) => section.expectations.map((e) => ({ section: section.title, id: e.id, text: e.text, source: e.source })));

describe('ladder export --format json|yaml', () => {
  it('writes { version, generatedFrom, roles } with each role as show --json prints it, valid against export.schema.json', async () => {
    const run = await exportRun(['--format', 'json', '--out', 'ladder.json'], { cwd: scratch() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('wrote 3 roles as json to ladder.json\n');
    const data = JSON.parse(readFileSync(join(run.cwd, 'ladder.json'), 'utf8')) as LadderExport;
    expect(data).toEqual({ version, generatedFrom: edgeCases, roles: edgeRoles });
    expect(validateAgainst('export.schema.json', data)).toEqual([]);
    expect(listing(run.cwd)).toEqual(['ladder.json']);
  });

  it('names the ladder relative to where it ran, and prints to stdout with --out -', async () => {
    const run = await runMain(['--ladder', 'test/fixtures/export', 'export', '--format', 'json', '--out', '-'], { cwd: repoRoot });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version, generatedFrom: 'test/fixtures/export', roles: edgeRoles });
  });

  it('exports one role with --role, resolved as show --json', async () => {
    const run = await exportRun(['--role', 'vp', '--format', 'json', '--out', '-'], { ladder: bundledLadder });
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as LadderExport;
    expect(data.roles).toEqual([JSON.parse((await runMain(['show', 'vp', '--json'])).stdout)]);
    expect(validateAgainst('export.schema.json', data)).toEqual([]);
  });

  it('writes each role of a branching ladder as show --json prints it, whichever comes first in the files', async () => {
    // The export lets go of a role once it and every role below it are written: a child filed before its
    // parent, siblings in other folders and a chain running back up must all still resolve in full.
    const ladder = writeTree({
      'a/senior.md': role('Senior Engineer', 'Engineer', { Delivery: ['Leads projects.'], Craft: ['Reviews designs.'] }),
      'b/staff.md': role('Staff Engineer', 'Senior Engineer', { Delivery: ['Sets direction.'] }),
      'c/manager.md': role('Engineering Manager', 'Engineer', { People: ['Hires the team.'] }),
      'z/engineer.md': role('Engineer', null, { Delivery: ['Ships code.'], Craft: ['Writes tests.'] }),
    });
    const expected = { version, generatedFrom: ladder, roles: await shownRoles(ladder) };
    for (const run of [1, 2]) {
      const out = await exportRun(['--format', 'json', '--out', '-'], { ladder });
      expect(out.code, `run ${run}`).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual(expected);
    }
  });

  it('writes the same data as YAML', async () => {
    const run = await exportRun(['--format', 'yaml', '--out', 'ladder.yaml']);
    expect(run.code).toBe(0);
    const data = parseYaml(readFileSync(join(run.cwd, 'ladder.yaml'), 'utf8'));
    expect(data).toEqual({ version, generatedFrom: edgeCases, roles: edgeRoles });
    expect(validateAgainst('export.schema.json', data)).toEqual([]);
    const bundled = parseYaml((await exportRun(['--format', 'yaml', '--out', '-'], { ladder: bundledLadder })).stdout);
    expect(bundled.roles).toEqual(await shownRoles(bundledLadder));
  });
});

describe('the published schemas', () => {
  it('carry descriptions for editors and no safe-integer noise', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'export.schema.json'), 'utf8'));
    expect(schema.properties.generatedFrom.description).toMatch(/ladder folder/);
    const role = schema.properties.roles.items;
    expect(role.properties.level).toEqual({ type: 'integer', minimum: 1, description: expect.stringMatching(/parent/) });
    expect(role.properties.sections.items.properties.expectations.items.properties.source.description).toMatch(/role/);
    for (const file of ['export.schema.json', 'role.schema.json', 'role-list.schema.json']) {
      expect(readFileSync(join(repoRoot, 'schemas', file), 'utf8'), file).not.toContain('9007199254740991');
    }
  });
});

describe('ladder export --format csv', () => {
  it('writes one RFC 4180 row per (role, expectation), quoting commas, quotes and line breaks', async () => {
    const run = await exportRun(['--format', 'csv', '--out', 'ladder.csv']);
    expect(run.code).toBe(0);
    const text = readFileSync(join(run.cwd, 'ladder.csv'), 'utf8');
    expect(text).toContain('"Writes ""clear"", concise notes, and\nkeeps them current."');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['role', 'title', 'track', 'level', 'section', 'expectation', 'source', 'line', 'id', 'examples']);
    const expected = edgeRoles.flatMap((r) =>
      r.sections.flatMap((s) => s.expectations.map((e) => [r.id, r.title, r.track, String(r.level), s.title, e.text, e.source, String(e.line), e.id, ''])),
    );
    expect(rows).toEqual(expected);
  });
});

describe('ladder export --format markdown', () => {
  it('writes an index with the chart and a flattened page per role, inherited items marked with their source', async () => {
    const run = await exportRun(['--format', 'markdown', '--out', 'site']);
    expect(run.code).toBe(0);
    const site = join(run.cwd, 'site');
    expect(listing(site)).toEqual(['.ladder-export.json', 'engineer.md', 'index.md', 'r-and-d-lead.md', 'senior-engineer.md']);
    const index = readFileSync(join(site, 'index.md'), 'utf8');
    // The track that starts lowest comes first: the makers, whom the leads branch off.
    expect(index).toContain('| Level | makers | leads |');
    expect(index).toContain('| 3 |  | [R&D Lead, "Labs" \\| West](r-and-d-lead.md) |');
    expect(index).toContain('| 1 | [Engineer](engineer.md) |  |');
    for (const shown of edgeRoles) {
      const page = readFileSync(join(site, `${shown.id}.md`), 'utf8');
      expect(page.split('\n')[0]).toBe(`# ${shown.title.replace('|', '\\|')}`);
      expect(markdownItems(page, shown.id)).toEqual(marked(shown));
    }
    const engineer = readFileSync(join(site, 'engineer.md'), 'utf8');
    expect(engineer).toMatch(/^- ● <a id="engineer\/[a-z-]+\/[0-9a-f]{8}"><\/a>Shows \\<script>alert\("owned"\)\\<\/script> as text, never runs it\.$/m);
    expect(engineer).toMatch(/<\/a>Writes "clear", concise notes, and\n {2}keeps them current\.$/m);
    expect(readFileSync(join(site, 'r-and-d-lead.md'), 'utf8')).toContain('Inherits: [Senior Engineer](senior-engineer.md) → [Engineer](engineer.md)');
  });
});

describe('ladder export --role', () => {
  it('counts one role as one role on the index page', async () => {
    const run = await exportRun(['--format', 'markdown', '--out', 'one', '--role', 'engineer']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(run.cwd, 'one', 'index.md'), 'utf8')).toContain('\n1 role in 1 track, read from ');
  });
});

describe('ladder export --format html', () => {
  it('writes a self-contained site: the chart, a page per role, own and inherited items distinct, links that resolve', async () => {
    const run = await exportRun(['--format', 'html', '--out', 'site']);
    expect(run.code).toBe(0);
    const site = join(run.cwd, 'site');
    expect(listing(site)).toEqual(['.ladder-export.json', 'assets', 'assets/compare-data.js', 'assets/compare.js', 'assets/search-index.js', 'assets/search.js', 'compare.html', 'engineer.html', 'index.html', 'r-and-d-lead.html', 'senior-engineer.html', 'steps-leads.html', 'steps-makers.html']);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(index).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // Untitled in ladder.yaml, the site takes its title from the README's first heading, and shows the rest of it.
    expect(index).toContain('<title>Export edge cases</title>');
    expect(index).toContain('<p>A small ladder whose text tests escaping in every export format');
    expect(index).toContain('<th scope="col">Level</th><th scope="col">makers</th><th scope="col">leads</th>');
    expect(index).toContain('<tr><th scope="row">3</th><td></td><td><a href="r-and-d-lead.html">R&amp;D Lead, &quot;Labs&quot; | West</a>');
    for (const shown of edgeRoles) {
      const page = readFileSync(join(site, `${shown.id}.html`), 'utf8');
      expect(page).toContain(`<title>${escape(shown.title)} · Export edge cases</title>`);
      expect(htmlItems(page, shown.id)).toEqual(marked(shown).map(({ id, text, source }) => ({ id, text, source })));
    }
    expectLinksResolve(site);
  });

  it('escapes every piece of ladder text: a <script> in a bullet shows as text', async () => {
    const run = await exportRun(['--format', 'html', '--out', 'site']);
    for (const file of readdirSync(join(run.cwd, 'site')).filter((name) => name.endsWith('.html'))) {
      // The only scripts are the site's own files, named in the page's head.
      const page = readFileSync(join(run.cwd, 'site', file), 'utf8').replace(/<script src="assets\/[a-z-]+\.js" defer><\/script>\n/g, '');
      expect(page, file).not.toMatch(/<script|<em>tags/i);
      // Only the elements the site is built of, and the few inline Markdown may make.
      expect(page, file).not.toMatch(
        /<(?!\/?(?:!doctype|html|head|meta|title|link|style|body|header|nav|h1|h2|h3|h4|p|main|div|table|thead|tbody|tr|th|td|a|span|section|ul|ol|li|fieldset|legend|label|input|select|optgroup|option|form|footer|code|strong|em|ins|del)\b)/,
      );
    }
    const engineer = readFileSync(join(run.cwd, 'site', 'engineer.html'), 'utf8');
    expect(engineer).toContain('Shows &lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; as text, never runs it.');
    expect(engineer).toContain('Writes code &amp; reviews it; &quot;quotes&quot;, &#39;apostrophes&#39; and &lt;em&gt;tags&lt;/em&gt; stay text.');
    // Inline Markdown is rendered, not shown as syntax.
    expect(engineer).toContain('keeps [brackets] and <code>code</code>.');
  });

  it('links only to pages that are part of the export when one role is exported', async () => {
    const run = await exportRun(['--role', 'vp', '--format', 'html', '--out', 'site'], { ladder: bundledLadder });
    expect(run.code).toBe(0);
    expect(listing(join(run.cwd, 'site'))).toEqual(['.ladder-export.json', 'assets', 'assets/compare-data.js', 'assets/compare.js', 'assets/search-index.js', 'assets/search.js', 'compare.html', 'index.html', 'vp-engineering.html']);
    const page = readFileSync(join(run.cwd, 'site', 'vp-engineering.html'), 'utf8');
    expect(page).toContain('Inherits: Engineering Director → Engineering Manager → Senior Engineer → Engineer');
    expectLinksResolve(join(run.cwd, 'site'));
  });

  it('updates an existing site folder page by page and keeps files of its own', async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'site'));
    writeFileSync(join(cwd, 'site', 'CNAME'), 'ladder.example.org\n');
    expect((await exportRun(['--format', 'html', '--out', 'site'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'site', 'engineer.html'), 'old');
    expect((await exportRun(['--format', 'html', '--out', 'site'], { cwd })).code).toBe(0);
    expect(listing(join(cwd, 'site'))).toEqual(['.ladder-export.json', 'CNAME', 'assets', 'assets/compare-data.js', 'assets/compare.js', 'assets/search-index.js', 'assets/search.js', 'compare.html', 'engineer.html', 'index.html', 'r-and-d-lead.html', 'senior-engineer.html', 'steps-leads.html', 'steps-makers.html']);
    expect(readFileSync(join(cwd, 'site', 'engineer.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('ladder export --format html: content and context', () => {
  const ladder = writeTree({
    'ladder.yaml': 'site:\n  title: Acme engineering\n  intro: about.md\n  tracks:\n    ic: Individual contributors\n',
    'about.md': '# Not the title\n\nRead *this* first. <b>Raw</b> stays text.\n\n## Levels\n\n- one\n  - nested\n',
    'ic/dev.md': [
      'Developer',
      '---------',
      '',
      '### Role description',
      'First paragraph with **weight**.',
      '',
      'Second paragraph, see [our guide](https://example.org/guide).',
      '',
      '### Delivery',
      '* Ships **small** changes; reads [the guide](guides/shipping.html) and `docs`.',
      '* Never [runs](javascript:alert(1)) or [reads](file:///etc/passwd) or [tabs](<java\tscript:x>) or [roots](/abs/path).',
      '* Keeps <b onclick="x()">raw HTML</b> as text.',
      '* Delivers features end to end with support from the team.',
      '  * Writes the tests first.',
      '',
    ].join('\n'),
    'ic/senior-dev.md': role('Senior Developer', 'Developer', { Delivery: ['Delivers projects end to end with support from no one.'] }),
  });

  async function pages() {
    const run = await exportRun(['--format', 'html', '--out', 'site'], { ladder });
    expect(run.code, run.stderr).toBe(0);
    const read = (file: string) => readFileSync(join(run.cwd, 'site', file), 'utf8');
    return { index: read('index.html'), dev: read('dev.html'), senior: read('senior-dev.html') };
  }

  it('titles the site, names the tracks and shows the intro from ladder.yaml, rendered and escaped', async () => {
    const { index, dev } = await pages();
    expect(index).toContain('<title>Acme engineering</title>');
    expect(index).toContain('<h1>Acme engineering</h1>');
    expect(index).toContain('<th scope="col">Individual contributors</th>');
    expect(dev).toContain('track Individual contributors');
    expect(dev).toContain('<title>Developer · Acme engineering</title>');
    // The intro's own first heading stays, one level under the page's.
    expect(index).toContain('<h2>Not the title</h2>');
    expect(index).toContain('<p>Read <em>this</em> first. &lt;b&gt;Raw&lt;/b&gt; stays text.</p>');
    expect(index).toContain('<h3>Levels</h3>');
    expect(index).toMatch(/<ul><li>one\n<ul><li>nested<\/li><\/ul><\/li><\/ul>/);
  });

  it('renders inline Markdown through a whitelist: links only to http(s) and relative targets, raw HTML as text', async () => {
    const { dev } = await pages();
    expect(dev).toContain('Ships <strong>small</strong> changes; reads <a href="guides/shipping.html">the guide</a> and <code>docs</code>.');
    expect(dev).toContain('Never runs or reads or tabs or roots.');
    expect(dev).not.toMatch(/javascript:|file:|\/abs\/path"/);
    expect(dev).toContain('Keeps &lt;b onclick=&quot;x()&quot;&gt;raw HTML&lt;/b&gt; as text.');
    expect(dev).not.toContain('onclick="');
  });

  it('keeps the paragraphs of a description and nested expectations', async () => {
    const { dev } = await pages();
    expect(dev).toContain('<p>First paragraph with <strong>weight</strong>.</p>\n<p>Second paragraph, see <a href="https://example.org/guide">our guide</a>.</p>');
    expect(dev).toMatch(/<li class="own depth-1" id="dev\/delivery\/[0-9a-f]+">.*Writes the tests first\./);
  });

  it('marks an evolved expectation apart from the inherited one it sharpens, with the words that change', async () => {
    const { senior } = await pages();
    const evolved = /<li class="own evolved" id="([^"]+)">.*?<\/li>/.exec(senior);
    expect(evolved?.[0]).toContain('Delivers projects end to end with support from no one.');
    expect(evolved?.[0]).toMatch(/Sharpens <a href="#(dev\/delivery\/[0-9a-f]+)">an expectation of Developer<\/a>/);
    expect(evolved?.[0]).toContain('<del>features</del><ins>projects</ins>');
    const source = /Sharpens <a href="#([^"]+)"/.exec(evolved![0])![1]!;
    const inherited = new RegExp(`<li class="inherited" id="${source}">.*?</li>`).exec(senior)?.[0];
    expect(inherited).toContain(`<a href="dev.html#${source}">Developer</a>) · <a href="#${evolved![1]}">sharpened at this level</a>`);
  });

  it('links each role to the level below and the levels above', async () => {
    const { dev, senior } = await pages();
    expect(dev).toContain('<a rel="next" href="senior-dev.html">Level above: Senior Developer →</a>');
    expect(dev).not.toContain('rel="prev"');
    expect(senior).toContain('<a rel="prev" href="dev.html">← Level below: Developer</a>');
  });

  it('never writes the path of the ladder folder, wherever ladder runs from', async () => {
    const run = await exportRun(['--format', 'html', '--out', 'site'], { ladder });
    // Every file, the scripts' data under assets/ included.
    for (const file of listing(join(run.cwd, 'site')).filter((name) => name.includes('.'))) {
      const page = readFileSync(join(run.cwd, 'site', file), 'utf8');
      expect(page, file).not.toContain(ladder);
      expect(page, file).not.toContain(tmpdir());
    }
    expect(readFileSync(join(run.cwd, 'site', 'index.html'), 'utf8')).toContain(`read from ${ladder.split('/').pop()} by ladder`);
  });

  it('marks a subsection with none of the role\'s own expectations, so "what is new" leaves its heading out', async () => {
    const sub = (title: string, parent: string | null, heading: string, item: string) =>
      [title, '-'.repeat(title.length), parent ? `(Inherits the role expectations of a ${parent})` : '', '', '### Delivery', `#### ${heading}`, `* ${item}`, ''].join('\n');
    const tree = writeTree({ 'a/base.md': sub('Base', null, 'Operations', 'Runs the on-call rota.'), 'a/upper.md': sub('Upper', 'Base', 'Planning', 'Plans the quarter.') });
    const run = await exportRun(['--format', 'html', '--out', 'site'], { ladder: tree });
    const upper = readFileSync(join(run.cwd, 'site', 'upper.html'), 'utf8');
    expect(upper).toContain('<li class="subsection inherited-only"><h3>Operations</h3></li>');
    expect(upper).toContain('<li class="subsection"><h3>Planning</h3></li>');
  });

  it('refuses an intro file ladder.yaml names that is not there, naming it (exit 2)', async () => {
    const missing = writeTree({ 'ladder.yaml': 'site:\n  intro: nowhere.md\n', 'a/root.md': role('Root', null) });
    const run = await exportRun(['--format', 'html', '--out', 'site'], { ladder: missing });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: ladder\.yaml: site\.intro names nowhere\.md, which cannot be read \(ENOENT\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('ladder export with a broken chain', () => {
  const ladder = writeTree({
    'a/root.md': role('Root', null),
    'a/orphan.md': role('Orphan', 'Nobody Here'),
    'a/orphan-child.md': role('Orphan Child', 'Orphan'),
  });

  it('exports the other roles and warns once per role left out (exit 0)', async () => {
    const run = await exportRun(['--format', 'json', '--out', '-'], { ladder });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).roles.map((r: ResolvedRole) => r.id)).toEqual(['root']);
    const skipped = run.stderr.split('\n').filter((line) => line.includes('not exported'));
    expect(skipped.sort()).toEqual([
      'warning: a/orphan-child.md:1: role "orphan-child" not exported: its inheritance chain is broken at a/orphan.md:3',
      'warning: a/orphan.md:1: role "orphan" not exported: its inheritance chain is broken at a/orphan.md:3',
    ]);
  });

  it('exits 2 when --role names a role that cannot be resolved', async () => {
    const run = await exportRun(['--role', 'orphan-child', '--format', 'json', '--out', 'x.json'], { ladder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: a\/orphan\.md:3: .*Nobody Here.*\n$/);
    expect(listing(run.cwd)).toEqual([]);
  });
});

describe('ladder export error paths (exit 2, one line, target unchanged)', () => {
  const oneErrorLine = (stderr: string) => expect(stderr).toMatch(/^error: [^\n]+\n$/);

  it('requires --out and a known --format', async () => {
    const noOut = await exportRun(['--format', 'json']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("required option '-o, --out <path>' not specified");
    const unknown = await exportRun(['--format', 'pdf', '--out', 'x.pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are json, yaml, csv, markdown, html.\n");
    expect(listing(unknown.cwd)).toEqual([]);
  });

  it('refuses a folder as the target of a single-file format', async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', 'keep.txt'), 'mine');
    for (const out of ['out', 'out/']) {
      const run = await exportRun(['--format', 'json', '--out', out], { cwd });
      expect(run.code, out).toBe(2);
      oneErrorLine(run.stderr);
    }
    expect(listing(cwd)).toEqual(['out', 'out/keep.txt']);
  });

  it('refuses a missing parent folder and creates nothing', async () => {
    for (const format of ['json', 'html']) {
      const run = await exportRun(['--format', format, '--out', 'no/such/place']);
      expect(run.code, format).toBe(2);
      oneErrorLine(run.stderr);
      expect(run.stderr).toContain('folder does not exist');
      expect(listing(run.cwd)).toEqual([]);
    }
  });

  it('refuses stdout and an existing file for a folder format', async () => {
    const stdout = await exportRun(['--format', 'markdown', '--out', '-']);
    expect(stdout.code).toBe(2);
    oneErrorLine(stdout.stderr);
    const cwd = scratch();
    writeFileSync(join(cwd, 'site'), 'a file');
    const run = await exportRun(['--format', 'html', '--out', 'site'], { cwd });
    expect(run.code).toBe(2);
    oneErrorLine(run.stderr);
    expect(readFileSync(join(cwd, 'site'), 'utf8')).toBe('a file');
    expect(listing(cwd)).toEqual(['site']);
  });

  it('replaces an existing export whole', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'ladder.csv'), 'role,title,track,level,section,expectation,source,line,id\r\nold,content\r\n');
    expect((await exportRun(['--format', 'csv', '--out', 'ladder.csv'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'ladder.csv'), 'utf8')).toMatch(/^role,title,track,level,/);
    expect(readFileSync(join(cwd, 'ladder.csv'), 'utf8')).not.toContain('old,content');
    expect(listing(cwd)).toEqual(['ladder.csv']);
  });

  it('fails on a read-only folder without leaving temporary files', async (ctx) => {
    const cwd = scratch();
    const locked = join(cwd, 'locked');
    mkdirSync(locked);
    // An earlier export, which ladder would replace if it could.
    const old = JSON.stringify({ version: '0.0.1', generatedFrom: '.', roles: [] });
    writeFileSync(join(locked, 'ladder.json'), old);
    mkdirSync(join(locked, 'site'));
    chmodSync(locked, 0o555);
    chmodSync(join(locked, 'site'), 0o555);
    try {
      // Root ignores folder permissions, so there is nothing to observe there.
      if (canWrite(locked)) ctx.skip();
      for (const [format, out] of [['json', 'locked/ladder.json'], ['json', 'locked/new.json'], ['html', 'locked/new-site'], ['html', 'locked/site']]) {
        const run = await exportRun(['--format', format!, '--out', out!], { cwd });
        expect(run.code, out).toBe(2);
        oneErrorLine(run.stderr);
        expect(run.stderr).toContain('cannot write (EACCES)');
      }
      expect(listing(cwd)).toEqual(['locked', 'locked/ladder.json', 'locked/site']);
      expect(readFileSync(join(locked, 'ladder.json'), 'utf8')).toBe(old);
    } finally {
      chmodSync(join(locked, 'site'), 0o755);
      chmodSync(locked, 0o755);
    }
  });
});

function canWrite(folder: string): boolean {
  const probe = join(folder, '.probe');
  try {
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), i++;
    } else field += c;
  }
  expect(record, 'the last record ends with CRLF').toEqual([]);
  return records;
}

/** Reads the expectations back from a Markdown role page: section, text (continuations joined), source. */
function markdownItems(page: string, id: string) {
  const items: { section: string; id: string; text: string; source: string }[] = [];
  let section = '';
  for (const line of page.split('\n')) {
    const item = /^- ([●○]) <a id="([^"]+)"><\/a>(.*)$/.exec(line);
    if (line.startsWith('## ')) section = line.slice(3);
    else if (item) items.push({ section, id: item[2]!, text: item[3]!, source: item[1] === '●' ? id : '?' });
    else if (line.startsWith('  ') && items.length) items.at(-1)!.text += `\n${line.slice(2)}`;
  }
  for (const item of items) {
    const from = / \(from \[[^\]]*\]\(([^)]+)\.md\)\)$/.exec(item.text);
    if (from) (item.source = from[1]!), (item.text = item.text.slice(0, from.index));
    item.text = item.text.replaceAll('\\<', '<');
  }
  return items;
}

/** Reads the expectations back from an HTML role page: unescaped text and the source role it links to. */
function htmlItems(page: string, id: string) {
  const items = [...page.matchAll(/<li class="(own|inherited)" id="([^"]+)">.*?<span class="text">(.*?)<\/span>(?: <span class="source">\(from <a href="([^"]+)\.html#([^"]+)">)?/gs)];
  return items.map(([, kind, anchor, text, source, target]) => {
    // The "(from X)" link leads to this very expectation on X's page.
    if (kind === 'inherited') expect(target).toBe(anchor);
    // Inline code shows as code: read back as the Markdown it was written as.
    return { id: unescape(anchor!), text: unescape(text!.replace(/<\/?code>/g, '`')), source: kind === 'own' ? id : source! };
  });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every href in every page names a page of the site (no external assets, no dead links). */
function expectLinksResolve(site: string): void {
  for (const file of readdirSync(site).filter((name) => name.endsWith('.html'))) {
    const page = readFileSync(join(site, file), 'utf8');
    for (const [, href] of page.matchAll(/(?:href|src)="([^"]*)"/g)) {
      if (href === 'data:,') continue;
      const [page, anchor] = href!.split('#');
      const target = page === '' ? file : page!;
      expect(existsSync(join(site, target)), `${file} → ${href}`).toBe(true);
      // An anchor names an element of its page.
      if (anchor !== undefined) expect(readFileSync(join(site, target), 'utf8'), `${file} → ${href}`).toContain(`id="${decodeURIComponent(anchor)}"`);
    }
  }
}
