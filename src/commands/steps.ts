import { openLadder, problemLines } from '../ladder/open-ladder.js';
import { loadOutput, stepsOutputs } from '../format/outputs.js';
import { ladderSteps } from '../steps/steps.js';
import { intactRoles } from '../steps/track-levels.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface StepsOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
}

/** What each level of a track (or of every track) adds over the one before it. */
export async function stepsCommand(ctx: CommandContext, track: string | undefined, options: StepsOptions): Promise<CommandResult> {
  const render = await loadOutput(stepsOutputs, options);
  const ladder = await openLadder(locateOptions(ctx));
  const steps = ladderSteps(intactRoles(ladder.graph), track);
  return { stdout: render(steps, { color: ctx.color, width: ctx.width }), warnings: problemLines(ladder), exitCode: 0 };
}
