import { roleTitles } from '../graph/build-graph.js';
import { openLadder, problemLines } from '../ladder/open-ladder.js';
import { loadOutput, matrixOutputs } from '../format/outputs.js';
import { ladderMatrix } from '../steps/matrix.js';
import { intactRoles } from '../steps/track-levels.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface MatrixOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** Cells hold everything a level holds, inherited included. */
  all?: boolean;
}

/** The competency matrix of a track (or of every track): sections by levels. */
export async function matrixCommand(ctx: CommandContext, track: string | undefined, options: MatrixOptions): Promise<CommandResult> {
  const render = await loadOutput(matrixOutputs, options);
  const ladder = await openLadder(locateOptions(ctx));
  const matrix = ladderMatrix(intactRoles(ladder.graph), track, { all: options.all });
  return { stdout: render(matrix, { color: ctx.color, titles: roleTitles(ladder.graph), width: ctx.width }), warnings: problemLines(ladder), exitCode: 0 };
}
