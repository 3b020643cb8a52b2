import { at } from '../errors.js';
import { loadLadder, type LoadedLadder, type LoadOptions } from '../load/load-ladder.js';
import { locateLadder, type LocateOptions } from '../load/locate.js';
import { buildGraph, type RoleGraph } from './build-graph.js';

export interface OpenLadder {
  root: string;
  loaded: LoadedLadder;
  graph: RoleGraph;
}

/** Finds, loads and links a ladder: the first step of every command that reads one. */
export async function openLadder(options: LocateOptions & LoadOptions): Promise<OpenLadder> {
  const { root } = locateLadder(options);
  const loaded = await loadLadder(root, options);
  return { root, loaded, graph: buildGraph(loaded.roles) };
}

/** One line per load or graph problem, for commands that go on despite them. */
export function problemLines(ladder: OpenLadder): string[] {
  return [...ladder.loaded.problems, ...ladder.graph.problems].map((p) => at(p.file, p.line, p.message));
}
