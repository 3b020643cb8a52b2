import { ladderGraph } from '../graph/edges.js';
import { openLadder, problemLines } from '../graph/open-ladder.js';
import { LadderError } from '../errors.js';
import { formatJson } from '../format/json.js';
import { formatGraphDot } from '../format/graph-dot.js';
import { formatGraphMermaid } from '../format/graph-mermaid.js';
import type { LadderGraph } from '../schema/graph.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

const renderers: Record<string, (data: LadderGraph) => string> = {
  mermaid: formatGraphMermaid,
  dot: formatGraphDot,
  json: formatJson,
};

export interface GraphOptions {
  format?: string;
  json?: boolean;
}

/** Draws the ladder; a broken parent is a missing edge plus a warning, never a failure. */
export async function graphCommand(ctx: CommandContext, options: GraphOptions): Promise<CommandResult> {
  if (options.json && options.format && options.format !== 'json') {
    throw new LadderError(`--json and --format ${options.format} disagree; give one of them`);
  }
  const format = options.json ? 'json' : (options.format ?? 'mermaid');
  const ladder = await openLadder(locateOptions(ctx));
  return { stdout: renderers[format]!(ladderGraph(ladder.graph)), warnings: problemLines(ladder), exitCode: 0 };
}
