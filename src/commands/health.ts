import { hasFlags, healthThresholds, ladderHealth } from '../diff/health.js';
import { openLadder, problemLines } from '../graph/open-ladder.js';
import { formatHealthMarkdown } from '../format/health-markdown.js';
import { formatHealthText } from '../format/health-text.js';
import { formatJson } from '../format/json.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface HealthOptions {
  format?: 'text' | 'json' | 'markdown';
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** Exit 1 when anything is flagged. */
  exitCode?: boolean;
}

/** The size of every promotion step and what looks thin; thresholds come from ladder.yaml `health:`. */
export async function healthCommand(ctx: CommandContext, options: HealthOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx, { fallback: false }));
  const health = ladderHealth(ladder.graph, healthThresholds(ladder.config));
  const format = options.json ? 'json' : (options.format ?? 'text');
  const render = {
    text: () => formatHealthText(health, { color: ctx.color }),
    json: () => formatJson(health),
    markdown: () => formatHealthMarkdown(health),
  }[format];
  return { stdout: render(), warnings: problemLines(ladder), exitCode: options.exitCode && hasFlags(health) ? 1 : 0 };
}
