import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLadder } from '../bench/generate-ladder.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole, summarize } from '../src/resolve/resolve-role.js';
import type { ResolvedRole } from '../src/schema/role.js';
import { runCli } from './helpers.js';

describe('parsing a large ladder on several threads', () => {
  it('gives the built CLI (worker threads) the same roles, in the same order, as one thread from source', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ladder-pool-'));
    generateLadder(folder, 2000); // at least parse-pool's PARALLEL_FROM, so the built CLI uses workers
    const graph = buildGraph((await loadLadder(folder)).roles);
    // One run of the binary, so the 2,000 files are parsed on threads once: the export holds every role.
    const cli = runCli(['--no-cache', '--ladder', folder, 'export', '--format', 'json', '--out', '-']);
    expect(cli.code).toBe(0);
    const exported = (JSON.parse(cli.stdout) as { roles: ResolvedRole[] }).roles;
    const summaries = exported.map(({ id, title, track, level, inherits, file }) => ({ id, title, track, level, inherits, file }));
    expect(summaries).toEqual([...graph.roles.values()].map(summarize));
    const deepest = exported.find((role) => role.id === 'family-249-level-8');
    expect(deepest).toEqual(resolveRole(graph, graph.roles.get('family-249-level-8')!));
  }); // 2,000 roles parsed twice: slow on a busy two-core machine, and no timing is asserted
});
