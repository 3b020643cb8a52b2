import { openLadder, problemLines } from '../ladder/open-ladder.js';
import { summarize } from '../resolve/resolve-role.js';
import { formatJson } from '../format/json.js';
import { formatChart } from '../format/role-chart.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export async function listCommand(ctx: CommandContext, options: { json?: boolean }): Promise<CommandResult> {
  // Roles are listed, never their expectations: a large ladder loads without them.
  const ladder = await openLadder({ ...locateOptions(ctx), outline: true });
  const roles = [...ladder.graph.roles.values()].map(summarize);
  return {
    stdout: options.json ? formatJson({ roles }) : formatChart(roles, { color: ctx.color, width: ctx.width }),
    warnings: problemLines(ladder),
    exitCode: 0,
  };
}
