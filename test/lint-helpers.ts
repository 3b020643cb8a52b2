import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { lintLadder, type FindingWithFix } from '../src/lint/engine.js';
import type { LadderConfig } from '../src/schema/config.js';
import { writeTree } from './helpers.js';

/** Lints a ladder folder in-process. */
export async function lintFolder(root: string, config: LadderConfig = {}): Promise<FindingWithFix[]> {
  const loaded = await loadLadder(root);
  return lintLadder({ root, loaded, graph: buildGraph(loaded.roles) }, config).findings;
}

/** Lints an inline tree and returns `file:line rule` for each finding, the form the specifications list. */
export async function lintTree(tree: Record<string, string | Buffer>, config?: LadderConfig): Promise<string[]> {
  return (await lintFolder(writeTree(tree), config)).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}
