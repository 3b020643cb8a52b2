import { LadderError, quoted } from '../errors.js';
import { descendants, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import type { SearchHit, SearchMatch } from '../schema/search.js';
import { fold } from '../text/fold.js';
import { sectionMatches } from '../text/slug.js';
import { resolveRole } from '../resolve/resolve-role.js';

export interface SearchOptions {
  /** Search what this role holds (own and inherited) instead of every written text once. */
  role?: RoleNode;
  /** Only sections whose slug equals or starts with one of these (as `show --section`). */
  sections?: string[];
  /** File → its text, to give each description paragraph its own line. */
  fileText?: (file: string) => string | undefined;
}

const DESCRIPTION = 'Role description';

/** A place that holds text to search, before matching. */
type Candidate = Omit<SearchHit, 'matches'>;

/**
 * Finds expectations and descriptions that contain every word of `query` (case- and accent-insensitive,
 * as parts of words: "coach" finds "coaching"). By default each written text is reported once, at its
 * source, with `roles` listing every role that holds it; with `role`, only what that role holds.
 */
export function searchLadder(graph: RoleGraph, query: string, options: SearchOptions = {}): SearchHit[] {
  const words = [...new Set(query.split(/\s+/).map(fold).filter((w) => w.length > 0))];
  if (words.length === 0) throw new LadderError('nothing to search for; give some words, e.g. ladder search mentor');
  let candidates = options.role ? heldBy(graph, options.role, options) : written(graph, options);
  if (options.sections?.length) {
    const kept = candidates.filter((c) => sectionMatches(c.section, options.sections!));
    if (kept.length === 0) {
      const titles = [...new Set(candidates.map((c) => c.section))].join(', ');
      throw new LadderError(`no section matches ${options.sections.map(quoted).join(', ')}; sections: ${titles}`);
    }
    candidates = kept;
  }
  return candidates.flatMap((candidate) => {
    const matches = findWords(candidate.text, words);
    return matches ? [{ ...candidate, matches }] : [];
  });
}

/** Every text as written: each role's description paragraphs and own expectations. */
function written(graph: RoleGraph, options: SearchOptions): Candidate[] {
  return [...graph.roles.values()].flatMap((role) => {
    const holders = [role.id, ...descendants(graph, role)];
    const expectations = role.sections.flatMap((section) =>
      section.expectations.map((e) => ({
        role: role.id, section: section.title, source: role.id, file: e.file ?? role.file, line: e.line, text: e.text, kind: 'expectation' as const, roles: holders,
      })),
    );
    return [...descriptionOf(role, options), ...expectations];
  });
}

/** What one role holds once resolved: its description and every expectation, own and inherited. */
function heldBy(graph: RoleGraph, role: RoleNode, options: SearchOptions): Candidate[] {
  const resolved = resolveRole(graph, role);
  const expectations = resolved.sections.flatMap((section) =>
    section.expectations.map((e) => {
      const source = graph.roles.get(e.source)!;
      return {
        role: role.id, section: section.title, source: e.source, file: source.file, line: e.line, text: e.text, kind: 'expectation' as const,
        roles: [source.id, ...descendants(graph, source)],
      };
    }),
  );
  return [...descriptionOf(role, options), ...expectations];
}

/** A description is never inherited, so it belongs to its role alone. One candidate per paragraph. */
function descriptionOf(role: RoleNode, { fileText }: SearchOptions): Candidate[] {
  if (!role.description) return [];
  const lines = fileText?.(role.file)?.split(/\r?\n/);
  let from = role.descriptionLine ?? role.titleLine;
  return role.description.split(/\n{2,}/).map((text) => {
    const first = text.split('\n')[0]!.trim();
    const index = lines ? lines.findIndex((line, i) => i >= from && line.trim() === first) : -1;
    const line = index >= 0 ? index + 1 : from + 1;
    from = line;
    return { role: role.id, section: DESCRIPTION, source: role.id, file: role.file, line, text, kind: 'description' as const, roles: [role.id] };
  });
}



/**
 * Where each word occurs in `text` (all occurrences), or null when a word is missing. Matching runs on
 * the folded text; `origin` maps each folded code unit back to the original so highlights land right.
 */
function findWords(text: string, words: string[]): SearchMatch[] | null {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const part = fold(char);
    folded += part;
    for (let k = 0; k < part.length; k++) origin.push(i);
    i += char.length;
  }
  const matches: SearchMatch[] = [];
  for (const word of words) {
    let at = folded.indexOf(word);
    if (at < 0) return null;
    for (; at >= 0; at = folded.indexOf(word, at + word.length)) {
      // End after the whole original character of the last matched unit ("ﬁ" folds to two units).
      const last = origin[at + word.length - 1]!;
      matches.push({ start: origin[at]!, end: last + String.fromCodePoint(text.codePointAt(last)!).length });
    }
  }
  return merge(matches);
}

/** Sorted, overlapping ranges joined ("lead" and "leader" in "leaders" give one highlight). */
function merge(matches: SearchMatch[]): SearchMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SearchMatch[] = [];
  for (const match of sorted) {
    const last = merged[merged.length - 1];
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}
