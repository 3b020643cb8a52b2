import { roleTitles } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines } from '../graph/open-ladder.js';
import { compareRoles, hasDifferences } from '../diff/compare-roles.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { formatDiffMarkdown } from '../format/diff-markdown.js';
import { formatDiffText } from '../format/diff-text.js';
import { formatJson } from '../format/json.js';
import type { RoleDiff } from '../schema/diff.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface DiffOptions {
  format?: 'text' | 'json' | 'markdown';
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** List kept expectations, not only count them. */
  all?: boolean;
  /** Exit 1 when the roles differ, like `git diff --exit-code`. */
  exitCode?: boolean;
}

export async function diffCommand(ctx: CommandContext, fromName: string, toName: string, options: DiffOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx));
  const { graph } = ladder;
  const diff = compareRoles(resolveRole(graph, lookUpRole(ladder, fromName)), resolveRole(graph, lookUpRole(ladder, toName)));
  const titles = roleTitles(graph);
  const format = options.json ? 'json' : (options.format ?? 'text');
  const render = {
    text: () => formatDiffText(diff, { color: ctx.color, titles, all: options.all }),
    json: () => formatJson(options.all ? diff : withoutKeptLists(diff)),
    markdown: () => formatDiffMarkdown(diff, { titles, all: options.all }),
  }[format];
  return {
    stdout: render(),
    warnings: problemLines(ladder),
    exitCode: options.exitCode && hasDifferences(diff) ? 1 : 0,
  };
}

/** Kept expectations are counted in JSON and listed only with --all, to keep the usual output about change. */
function withoutKeptLists(diff: RoleDiff): RoleDiff {
  return { ...diff, sections: diff.sections.map(({ keptExpectations: _, ...section }) => section) };
}
