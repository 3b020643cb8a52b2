import { roleTitles } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines } from '../ladder/open-ladder.js';
import { searchLadder } from '../search/search.js';
import { formatJson } from '../format/json.js';
import { formatSearch } from '../format/search-text.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface SearchCommandOptions {
  json?: boolean;
  role?: string;
  section?: string[];
}

/** Exit 0 with hits, 1 without (as grep), so scripts can test for a match. */
export async function searchCommand(ctx: CommandContext, words: string[], options: SearchCommandOptions): Promise<CommandResult> {
  // Hits are shown with their lines as written.
  const ladder = await openLadder({ ...locateOptions(ctx), texts: true });
  const query = words.join(' ');
  const texts = new Map(ladder.loaded.sources.map((s) => [s.file, s.text]));
  const hits = searchLadder(ladder.graph, query, {
    role: options.role === undefined ? undefined : lookUpRole(ladder, options.role),
    sections: options.section,
    fileText: (file) => texts.get(file),
  });
  const titles = roleTitles(ladder.graph);
  return {
    stdout: options.json ? formatJson({ query, hits }) : formatSearch({ query, hits }, { color: ctx.color, titles, width: ctx.width }),
    warnings: problemLines(ladder),
    exitCode: hits.length > 0 ? 0 : 1,
  };
}
