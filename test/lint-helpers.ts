import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import { lintLadder, type FindingWithFix } from '../src/lint/engine.js';
import { applyFixes, fixesByFile } from '../src/lint/fix.js';
import type { LadderConfig } from '../src/schema/config.js';
import { contentWords } from '../src/text/similarity.js';
import { writeTree } from './helpers.js';

/** Lints a ladder folder in-process, README and the like included, as `ladder lint` does. */
export async function lintFolder(root: string, config: LadderConfig = {}): Promise<FindingWithFix[]> {
  const loaded = await loadLadder(root, { documents: true, texts: true, config });
  const graph = buildGraph(loaded.roles);
  return lintLadder({ root, loaded, graph }, config).findings;
}

/** Lints an inline tree and returns `file:line rule` for each finding, the form the specifications list. */
export async function lintTree(tree: Record<string, string | Buffer>, config?: LadderConfig): Promise<string[]> {
  return (await lintFolder(writeTree(tree), config)).map((f) => `${f.file}:${f.line} ${f.ruleId}`);
}

/** One in-process fix pass, as `lint --fix` does it: lint, apply each file's fixes, write. */
export async function fixOnce(root: string): Promise<void> {
  for (const [file, fixes] of fixesByFile(await lintFolder(root))) {
    writeFileSync(join(root, file), applyFixes(readFileSync(join(root, file), 'utf8'), fixes));
  }
}

/** The content words of every expectation, role by role: what a fix must never change. */
export async function bulletWords(root: string): Promise<string[][]> {
  const { roles } = await loadLadder(root);
  return roles.flatMap((role) => role.sections.flatMap((s) => s.expectations.map((e) => contentWords(e.text))));
}
