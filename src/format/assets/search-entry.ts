import { fold } from '../../text/fold.js';

/** One thing the site's search finds: a role, or an expectation on the page of the role that writes it. */
export interface SearchEntry {
  /** The page, and for an expectation its anchor there. */
  href: string;
  /** What a result shows: the role's title, or the expectation's text. */
  text: string;
  /** The title of the role the expectation belongs to (for a role, its own). */
  role: string;
  /** The expectation's section; none for a role. */
  section?: string;
  /** Everything matched against, folded as src/text/fold.ts folds it. */
  folded: string;
}

/** Entries holding every typed word, in index order: roles first, then expectations in ladder order. */
export function matches(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return entries.filter((entry) => words.every((word) => entry.folded.includes(word)));
}
