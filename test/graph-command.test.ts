import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../src/graph/build-graph.js';
import { ladderGraph } from '../src/graph/edges.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { formatGraphDot } from '../src/format/graph-dot.js';
import { formatGraphMermaid } from '../src/format/graph-mermaid.js';
import type { LadderGraph } from '../src/schema/graph.js';
import { bundledLadder, repoRoot, role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst } from './validate.js';

const bundledMermaid = `flowchart BT
  subgraph track_makers["makers"]
    engineer["Engineer (L1)"]
    senior_engineer["Senior Engineer (L2)"]
    staff_engineer["Staff Engineer (L3)"]
    principal_engineer["Principal Engineer (L4)"]
  end
  subgraph track_managers["managers"]
    engineering_manager["Engineering Manager (L3)"]
    engineering_director["Engineering Director (L4)"]
    vp_engineering["VP, Engineering (L5)"]
  end
  senior_engineer --> engineer
  staff_engineer --> senior_engineer
  principal_engineer --> staff_engineer
  engineering_manager --> senior_engineer
  engineering_director --> engineering_manager
  vp_engineering --> engineering_director
`;

describe('ladderGraph', () => {
  it('gives every role as a node and each inheritance as a child → parent edge, across tracks too', async () => {
    const data = ladderGraph(buildGraph((await loadLadder(bundledLadder)).roles));
    expect(data.nodes).toHaveLength(7);
    expect(data.nodes[0]).toEqual({ id: 'engineer', title: 'Engineer', level: 1, track: 'makers' });
    expect(data.nodes.map((n) => n.track)).toEqual(['makers', 'makers', 'makers', 'makers', 'managers', 'managers', 'managers']);
    expect(data.edges).toContainEqual({ from: 'engineering-manager', to: 'senior-engineer' });
    expect(data.edges).toHaveLength(6);
  });
});

describe('graph renderers', () => {
  const awkward: LadderGraph = {
    nodes: [
      { id: 'end', title: 'The "End" <boss>', level: 1, track: 'top brass' },
      { id: 'ingénieur-2', title: 'Ingénieur #2', level: 2, track: 'top brass' },
    ],
    edges: [{ from: 'ingénieur-2', to: 'end' }],
  };

  it('Mermaid: keywords, dashes and accents never reach an id; quotes and brackets are escaped in labels', () => {
    expect(formatGraphMermaid(awkward)).toBe(`flowchart BT
  subgraph track_top_brass["top brass"]
    r_end["The #quot;End#quot; #lt;boss#gt; (L1)"]
    ing_nieur_2["Ingénieur #35;2 (L2)"]
  end
  ing_nieur_2 --> r_end
`);
  });

  it('Mermaid: ids that sanitize to the same text stay distinct', () => {
    const out = formatGraphMermaid({ nodes: [{ id: 'a-é', title: 'A', level: 1, track: 't' }, { id: 'a-è', title: 'B', level: 1, track: 't' }], edges: [] });
    expect(out).toContain('a__["A (L1)"]');
    expect(out).toContain('a___2["B (L1)"]');
  });

  it('DOT: one cluster per track, ids and labels quoted and escaped', () => {
    expect(formatGraphDot(awkward)).toBe(`digraph ladder {
  rankdir=BT;
  node [shape=box];
  subgraph "cluster_top brass" {
    label="top brass";
    "end" [label="The \\"End\\" <boss> (L1)"];
    "ingénieur-2" [label="Ingénieur #2 (L2)"];
  }
  "ingénieur-2" -> "end";
}
`);
  });
});

describe('ladder graph (end to end)', () => {
  it('prints the bundled ladder as Mermaid by default, exactly as the README shows it', async () => {
    const run = await runMain(['--example', 'graph']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(bundledMermaid);
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('```mermaid\n' + bundledMermaid + '```');
  });

  it('prints DOT with a cluster per track and the cross-track edge', async () => {
    const run = await runMain(['graph', '--format', 'dot']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digraph ladder \{\n/);
    expect(run.stdout).toContain('  subgraph "cluster_managers" {\n    label="managers";\n');
    expect(run.stdout).toContain('  "engineering-manager" -> "senior-engineer";\n');
  });

  it('prints { nodes, edges } for --json and --format json, valid against the published schema', async () => {
    const json = await runMain(['graph', '--json']);
    expect(json.code).toBe(0);
    expect((await runMain(['graph', '--format', 'json'])).stdout).toBe(json.stdout);
    const data = JSON.parse(json.stdout);
    expect(validateAgainst('graph.schema.json', data)).toEqual([]);
    expect(data.edges).toContainEqual({ from: 'vp-engineering', to: 'engineering-director' });
  });

  it('rejects --json with another --format, and an unknown format, with exit 2', async () => {
    const clash = await runMain(['graph', '--json', '--format', 'dot']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe('error: --json and --format dot disagree; give one of them\n');
    expect((await runMain(['graph', '--format', 'svg'])).code).toBe(2);
  });

  it('draws a ladder with an unknown parent and a cycle: the edges that exist, and warnings', async () => {
    const root = writeTree({
      'e.md': role('Engineer', null),
      's.md': role('Senior', 'Enginer'),
      'a.md': role('Alpha', 'Beta'),
      'b.md': role('Beta', 'Alpha'),
    });
    const run = await runMain(['--ladder', root, 'graph', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: s.md:3: unknown parent role "Enginer"');
    expect(run.stderr).toContain('inheritance cycle');
    const { nodes, edges } = JSON.parse(run.stdout);
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual(['a', 'b', 'e', 's']);
    expect(edges).toEqual(expect.arrayContaining([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }]));
    expect(edges.some((e: { from: string }) => e.from === 's')).toBe(false);
    expect((await runMain(['--ladder', root, 'graph'])).stdout).toContain('  a --> b\n  b --> a\n');
  });
});
