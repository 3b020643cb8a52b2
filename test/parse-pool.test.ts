import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLadder } from '../bench/generate-ladder.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { resolveRole, summarize } from '../src/resolve/resolve-role.js';
import { runCli } from './helpers.js';

describe('parsing a large ladder on several threads', () => {
  it('gives the built CLI (worker threads) the same roles, in the same order, as one thread from source', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ladder-pool-'));
    generateLadder(folder, 2000); // at least parse-pool's PARALLEL_FROM, so the built CLI uses workers
    const graph = buildGraph((await loadLadder(folder)).roles);
    const cli = runCli(['--no-cache', '--ladder', folder, 'list', '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout).roles).toEqual([...graph.roles.values()].map(summarize));
    const last = runCli(['--no-cache', '--ladder', folder, 'show', 'family-249-level-8', '--json']);
    expect(JSON.parse(last.stdout)).toEqual(resolveRole(graph, graph.roles.get('family-249-level-8')!));
  }); // 2,000 roles parsed three times: slow on a busy two-core machine, and no timing is asserted
});
