import { roleTitles } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines } from '../ladder/open-ladder.js';
import { compareRoles, hasDifferences } from '../diff/compare-roles.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { diffOutputs, loadOutput } from '../format/outputs.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface DiffOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** List kept expectations, not only count them. */
  all?: boolean;
  /** Exit 1 when the roles differ, like `git diff --exit-code`. */
  exitCode?: boolean;
}

export async function diffCommand(ctx: CommandContext, fromName: string, toName: string, options: DiffOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx));
  const { graph } = ladder;
  const diff = compareRoles(resolveRole(graph, lookUpRole(ladder, fromName)), resolveRole(graph, lookUpRole(ladder, toName)));
  const titles = roleTitles(graph);
  const render = await loadOutput(diffOutputs, options);
  return {
    stdout: render(diff, { color: ctx.color, titles, all: options.all, width: ctx.width }),
    warnings: problemLines(ladder),
    exitCode: options.exitCode && hasDifferences(diff) ? 1 : 0,
  };
}
