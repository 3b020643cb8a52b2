import { at } from '../errors.js';
import { readLadderConfig } from '../load/config.js';
import { loadLadder, type LoadedLadder, type LoadOptions } from '../load/load-ladder.js';
import { locateLadder, type LocateOptions } from '../load/locate.js';
import type { LadderConfig } from '../schema/config.js';
import { buildGraph, type RoleGraph } from './build-graph.js';

export interface OpenLadder {
  root: string;
  /** `ladder.yaml`, or the defaults when there is none. */
  config: LadderConfig;
  loaded: LoadedLadder;
  graph: RoleGraph;
}

/** Finds, loads and links a ladder, as its `ladder.yaml` says: the first step of every command that reads one. */
export async function openLadder(options: LocateOptions & LoadOptions): Promise<OpenLadder> {
  const { root } = locateLadder(options);
  const config = await readLadderConfig(root);
  const loaded = await loadLadder(root, { ...options, config });
  return { root, config, loaded, graph: buildGraph(loaded.roles, config) };
}

/** One line per load or graph problem, for commands that go on despite them. */
export function problemLines(ladder: Pick<OpenLadder, 'loaded' | 'graph'>): string[] {
  return [...ladder.loaded.problems, ...ladder.graph.problems].map((p) => at(p.file, p.line, p.message));
}
