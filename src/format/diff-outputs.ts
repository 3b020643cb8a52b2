import type { RoleDiff } from '../schema/diff.js';
import type { Outputs } from './outputs.js';

/** What every rendering of a role-to-role diff may use. */
export interface DiffOutputOptions {
  color: boolean;
  /** Every role's title, to name where an expectation comes from. */
  titles: Map<string, string>;
  /** List kept expectations, not only count them. */
  all?: boolean;
}

export type DiffRenderer = (diff: RoleDiff, options: DiffOutputOptions) => string;

/** `ladder diff --format <name>`. */
export const diffOutputs: Outputs<DiffRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./diff-text.js')).formatDiffText,
    json: async () => {
      const { formatJson } = await import('./json.js');
      return (diff, { all }) => formatJson(all ? diff : withoutKeptLists(diff));
    },
    markdown: async () => (await import('./diff-markdown.js')).formatDiffMarkdown,
  },
};

/** Kept expectations are counted in JSON and listed only with --all, to keep the usual output about change. */
function withoutKeptLists(diff: RoleDiff): RoleDiff {
  return { ...diff, sections: diff.sections.map(({ keptExpectations: _, ...section }) => section) };
}
