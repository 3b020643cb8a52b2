import { compareLadders, hasChanges } from '../diff/changes.js';
import { openLadderRevisions, problemLines } from '../ladder/open-ladder.js';
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
  const ladders = await openLadderRevisions(locateOptions(ctx, { fallback: false }), { older, newer: newer ?? null, gitEnv: ctx.env });
  const changes = compareLadders(ladders.older, ladders.newer);
  const render = await loadOutput(changesOutputs, options);
  return {
    stdout: render(changes, { color: ctx.color, width: ctx.width }),
    // Defects of the newer ladder are the ones a reviewer can still fix; the older ones are history.
    warnings: problemLines(ladders.newer),
    exitCode: options.exitCode && hasChanges(changes) ? 1 : 0,
  };
}
