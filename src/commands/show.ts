import { findRole } from '../graph/find-role.js';
import { openLadder, problemLines } from '../graph/open-ladder.js';
import { LadderError } from '../errors.js';
import { slug } from '../load/slug.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { formatJson } from '../format/json.js';
import { formatRole } from '../format/role-text.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface ShowOptions {
  json?: boolean;
  own?: boolean;
  section?: string[];
}

export async function showCommand(ctx: CommandContext, name: string, options: ShowOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx));
  const node = findRole(ladder.graph, name);
  const role = resolveRole(ladder.graph, node, { own: options.own });
  if (options.section?.length) {
    const wanted = options.section.map(slug);
    role.sections = role.sections.filter((s) => wanted.some((w) => s.id === w || s.id.startsWith(w)));
    if (role.sections.length === 0) {
      throw new LadderError(`role "${role.id}" has no section matching ${options.section.map((s) => `"${s}"`).join(', ')}`);
    }
  }
  const titles = new Map([...ladder.graph.roles.values()].map((r) => [r.id, r.title]));
  return {
    stdout: options.json ? formatJson(role) : formatRole(role, { color: ctx.color, titles }),
    warnings: problemLines(ladder),
    exitCode: 0,
  };
}
