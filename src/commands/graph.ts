import { ladderGraph } from '../graph/edges.js';
import { openLadder, problemLines } from '../ladder/open-ladder.js';
import { graphOutputs, loadOutput } from '../format/outputs.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface GraphOptions {
  format?: string;
  json?: boolean;
}

/** Draws the ladder; a broken parent is a missing edge plus a warning, never a failure. */
export async function graphCommand(ctx: CommandContext, options: GraphOptions): Promise<CommandResult> {
  const render = await loadOutput(graphOutputs, options);
  const ladder = await openLadder(locateOptions(ctx));
  return { stdout: render(ladderGraph(ladder.graph)), warnings: problemLines(ladder), exitCode: 0 };
}
