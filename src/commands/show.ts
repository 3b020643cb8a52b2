import { roleTitles, type RoleNode } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines, type OpenLadder } from '../ladder/open-ladder.js';
import { LadderError, quoted } from '../errors.js';
import { sectionMatches } from '../text/slug.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { formatJson } from '../format/json.js';
import { formatRole } from '../format/role-text.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface ShowOptions {
  json?: boolean;
  own?: boolean;
  /** Only what the role adds to its parent, evolved expectations paired with what they sharpen. */
  new?: boolean;
  section?: string[];
}

export async function showCommand(ctx: CommandContext, name: string, options: ShowOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx));
  const node = lookUpRole(ladder, name);
  const role = resolveRole(ladder.graph, node, { own: options.own });
  if (options.section?.length) {
    const all = role.sections.map((section) => section.title);
    role.sections = role.sections.filter((section) => sectionMatches(section.title, options.section!));
    if (role.sections.length === 0) {
      const known = all.length ? `its sections are ${all.map(quoted).join(', ')}` : 'it has no sections';
      throw new LadderError(`role "${role.id}" has no section matching ${options.section.map(quoted).join(', ')}; ${known}`);
    }
  }
  if (options.new) return showNew(ctx, ladder, node, new Set(role.sections.map((section) => section.id)), options);
  const titles = roleTitles(ladder.graph);
  return {
    stdout: options.json ? formatJson(role) : formatRole(role, { color: ctx.color, titles, width: ctx.width }),
    warnings: problemLines(ladder),
    exitCode: 0,
  };
}

/** `--new`: only what the role adds to its parent, in the sections `--section` kept. The diff modules load only here. */
async function showNew(ctx: CommandContext, ladder: OpenLadder, node: RoleNode, kept: Set<string>, options: ShowOptions): Promise<CommandResult> {
  const [{ newInRole }, { formatRoleNew }] = await Promise.all([import('../diff/role-new.js'), import('../format/role-new-text.js')]);
  const role = newInRole(ladder.graph, node);
  role.sections = role.sections.filter((section) => kept.has(section.id));
  return {
    stdout: options.json ? formatJson(role) : formatRoleNew(role, { color: ctx.color, titles: roleTitles(ladder.graph), width: ctx.width }),
    warnings: problemLines(ladder),
    exitCode: 0,
  };
}
