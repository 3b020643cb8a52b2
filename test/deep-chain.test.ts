import { mkdtempSync, readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateChain } from '../bench/generate-ladder.js';
import { main } from '../src/cli.js';
import { writeFileAtomic } from '../src/write/write-atomic.js';
import { exportJson } from '../src/format/export-json.js';
import { formatJson } from '../src/format/json.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole } from '../src/resolve/resolve-role.js';
import { sharedRole, type SharedRole } from '../src/resolve/shared-role.js';
import type { ResolvedRole } from '../src/schema/role.js';
import { role, streamedText, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'ladder-chain-'));

/** A ladder with what makes JSON layout tricky: subsections, nested bullets, an empty section, odd text. */
const tricky = {
  'a.md': 'Alpha\n---\n\n### Craft\n#### Code\n* Writes "quoted" \\\\ code.\n  * Nested under it.\n#### Tests\n* Tests.\n\n### Empty\n',
  'b.md': 'Beta\n---\n(Inherits the role expectations of an Alpha)\n\n### Craft\n#### Tests\n* Tests more — ünïcode.\n#### Design\n* Designs.\n',
  'c.md': '---\naliases: [C]\n---\n' + role('Gamma', 'Beta', {}),
  // Adds to an earlier subsection (regrouped), to no subsection, and a section of its own.
  'd.md': 'Delta\n---\n(Inherits the role expectations of a Gamma)\n\n### Craft\n* Pairs.\n#### Code\n* Refactors.\n\n### Scope\n* Leads.\n',
  'e.md': 'Epsilon\n---\n(Inherits the role expectations of a Delta)\n\n### Scope\n* Leads more.\n### Craft\n#### Design\n* Designs more.\n',
};

async function resolvedRoles(root: string): Promise<ResolvedRole[]> {
  const graph = buildGraph((await loadLadder(root)).roles);
  return [...graph.roles.values()].map((node) => resolveRole(graph, node));
}

async function sharedRoles(root: string): Promise<SharedRole[]> {
  const graph = buildGraph((await loadLadder(root)).roles);
  return [...graph.roles.values()].map((node) => sharedRole(graph, node));
}

describe('the JSON export, a role at a time', () => {
  it('writes exactly the text of JSON.stringify over the whole export, however many roles', async () => {
    const root = writeTree(tricky);
    const [resolved, shared] = [await resolvedRoles(root), await sharedRoles(root)];
    for (const count of [0, 1, resolved.length]) {
      const head = { version: '1.2.3', generatedFrom: 'lad"der' };
      expect(streamedText(exportJson({ ...head, roles: shared.slice(0, count) }))).toBe(formatJson({ ...head, roles: resolved.slice(0, count) }));
    }
  });

  it('resolves as flattening the chain root first and grouping each section by subsection, first seen first', async () => {
    const root = writeTree(tricky);
    const graph = buildGraph((await loadLadder(root)).roles);
    for (const node of graph.roles.values()) {
      const chain = resolveRole(graph, node).chain.map((id) => graph.roles.get(id)!);
      // The plain reading of the rule, written independently of the shared lists it checks.
      const expected = new Map<string, string[]>();
      for (const source of chain.reverse()) {
        for (const section of source.sections) {
          const list = expected.get(section.title.toLowerCase()) ?? [];
          list.push(...section.expectations.map((e) => `${e.subsection ?? ''}|${e.text}`));
          expected.set(section.title.toLowerCase(), list);
        }
      }
      for (const [title, list] of expected) {
        const order = [...new Set(list.map((item) => item.split('|')[0]))];
        expected.set(title, list.sort((a, b) => order.indexOf(a.split('|')[0]) - order.indexOf(b.split('|')[0])));
      }
      const actual = resolveRole(graph, node).sections.map((section) => [section.title.toLowerCase(), section.expectations.map((e) => `${e.subsection ?? ''}|${e.text}`)]);
      expect(actual, node.id).toEqual([...expected]);
    }
  });

  it('gives every role that inherits an expectation the same object, so a deep chain holds one copy', async () => {
    const [alpha, beta] = await resolvedRoles(writeTree(tricky));
    const written = alpha!.sections[0]!.expectations[0]!;
    expect(beta!.sections[0]!.expectations).toContain(written);
    // Grouping by subsection still reorders within the section: Beta's "Tests" bullet joins Alpha's.
    expect(beta!.sections[0]!.expectations.map((e) => e.text)).toEqual([
      'Writes "quoted" \\\\ code.', 'Nested under it.', 'Tests.', 'Tests more — ünïcode.', 'Designs.',
    ]);
  });
});

// Deep enough that the export (quadratic: every role holds all it inherits) is some 100 MB, far more than a
// role's worth; bench/ (P5) exports a 5,000-role chain and measures its memory.
const DEPTH = 1000;

describe(`export --format json of a ${DEPTH.toLocaleString('en')}-role chain`, () => {
  const ladder = scratch();
  generateChain(ladder, DEPTH);

  it(`streams every role to stdout, the last with all ${DEPTH.toLocaleString('en')} inherited expectations in order`, async () => {
    // Keep only the deepest role's text: the whole export is some 100 MB. Roles come in file order.
    let pieces = 0;
    let deepestText = '';
    let tail = '';
    const code = await main(['--no-cache', '--ladder', ladder, 'export', '--format', 'json', '--out', '-'], {
      stdout: (piece) => {
        const text = streamedText([piece]);
        if (text === '') return;
        pieces++;
        if (text.startsWith(`,\n    {\n      "id": "step-${DEPTH}"`)) deepestText = text;
        tail = text;
      },
      stderr: (text) => expect.fail(text),
      cwd: ladder,
      env: {},
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(pieces).toBe(DEPTH + 2);
    expect(tail).toBe('\n  ]\n}\n');
    const deepest = JSON.parse(deepestText.slice(1)) as ResolvedRole;
    expect(deepest).toMatchObject({ id: `step-${DEPTH}`, level: DEPTH, inherits: `step-${DEPTH - 1}` });
    expect(deepest.chain).toHaveLength(DEPTH);
    const expectations = deepest.sections.flatMap((section) => section.expectations);
    expect(expectations).toHaveLength(DEPTH);
    expect(expectations.map((e) => e.source)).toEqual(Array.from({ length: DEPTH }, (_, i) => `step-${i + 1}`));
    expect(expectations.at(-1)!.text).toBe(`Delivers milestone ${DEPTH} on time.`);
  });
});

describe('writeFileAtomic, given pieces', () => {
  it('joins the pieces into the file, replaces an existing one keeping its mode, and leaves no temporary file', () => {
    const folder = scratch();
    const path = join(folder, 'out.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    const pieces = ['{', 'x'.repeat(3 << 20), 'ü', '}\n'];
    writeFileAtomic(path, pieces);
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('keeps the old file whole when the pieces fail half way, and cleans up', () => {
    const folder = scratch();
    const path = join(folder, 'out.json');
    writeFileSync(path, 'old');
    function* failing() {
      yield 'x'.repeat(2 << 20);
      throw new Error('resolution failed');
    }
    expect(() => writeFileAtomic(path, failing())).toThrow('resolution failed');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['out.json']);
  });

  it('says what is wrong with the target in one line', async () => {
    const folder = scratch();
    const run = await runMain(['--ladder', writeTree(tricky), 'export', '--format', 'json', '--out', join(folder, 'missing', 'x.json')]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`error: ${join(folder, 'missing')}: folder does not exist; create it first or choose another --out\n`);
  });
});
