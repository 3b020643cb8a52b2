import { hasFlags, healthThresholds, ladderHealth } from '../health/health.js';
import { openLadder, problemLines } from '../ladder/open-ladder.js';
import { healthOutputs, loadOutput } from '../format/outputs.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface HealthOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** Exit 1 when anything is flagged. */
  exitCode?: boolean;
}

/** The size of every promotion step and what looks thin; thresholds come from ladder.yaml `health:`. */
export async function healthCommand(ctx: CommandContext, options: HealthOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx, { fallback: false }));
  const health = ladderHealth(ladder.graph, healthThresholds(ladder.config));
  const render = await loadOutput(healthOutputs, options);
  return { stdout: render(health, { color: ctx.color, width: ctx.width }), warnings: problemLines(ladder), exitCode: options.exitCode && hasFlags(health) ? 1 : 0 };
}
