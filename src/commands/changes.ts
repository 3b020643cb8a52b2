import { compareLadders, hasChanges, type LadderSide } from '../diff/changes.js';
import { buildGraph } from '../graph/build-graph.js';
import { ladderConfig, problemLines } from '../ladder/open-ladder.js';
import { loadLadderAtRevision } from '../load/git-revision.js';
import { loadLadder } from '../load/load-ladder.js';
import { locateLadder } from '../load/locate.js';
import { changesOutputs, loadOutput } from '../format/outputs.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface ChangesOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** Exit 1 when anything changed, like `git diff --exit-code`. */
  exitCode?: boolean;
}

/** Compares the ladder at `older` with the ladder at `newer`, or with the working tree when `newer` is not given. */
export async function changesCommand(ctx: CommandContext, older: string, newer: string | undefined, options: ChangesOptions): Promise<CommandResult> {
  const located = locateOptions(ctx, { fallback: false });
  const { root } = locateLadder(located);
  // Today's ladder.yaml reads both sides, so a change to it alone does not show as changed roles.
  const config = await ladderConfig(root);
  const before = await loadLadderAtRevision(root, older, { env: ctx.env, config });
  const after = newer === undefined ? { commit: null, loaded: await loadLadder(root, { ...located, config }) } : await loadLadderAtRevision(root, newer, { env: ctx.env, config });
  const newerSide: LadderSide = { graph: buildGraph(after.loaded.roles, config), revision: newer ?? null, commit: after.commit };
  const changes = compareLadders({ graph: buildGraph(before.loaded.roles, config), revision: older, commit: before.commit }, newerSide);
  const render = await loadOutput(changesOutputs, options);
  return {
    stdout: render(changes, { color: ctx.color }),
    // Defects of the newer ladder are the ones a reviewer can still fix; the older ones are history.
    warnings: problemLines({ loaded: after.loaded, graph: newerSide.graph }),
    exitCode: options.exitCode && hasChanges(changes) ? 1 : 0,
  };
}
