import { fold } from '../text/fold.js';

/**
 * Reading the line under a title that names a role's parent. Everything here works on words, not on
 * regular expressions built from phrasings: a line or a `ladder.yaml` phrasing of any length and content
 * is read in time linear in its length.
 */

/** Longer lines are description, not a parent line: nobody writes a 300-character "Same as…". */
const MAX_PARENT_LINE = 300;
/** A line this short that speaks of inheriting, but that no phrasing reads, is reported rather than ignored. */
export const SHORT_LINE = 160;

/**
 * The built-in openings of a parent line. Each may be followed by an optional connector (`, but also...`,
 * `plus`, `and`…), so `Same as X`, `Same as X, but also:` and `Same as X plus...` all read.
 */
const BUILT_IN_OPENINGS = [
  'Inherits the role expectations of',
  'Inherits the expectations of',
  'Inherits from',
  'Inherits',
  'Same as',
  'Builds on',
  'Builds upon',
  'Everything in',
  'Everything from',
  'Has performed the role of',
  'Performed the role of',
];
/** What may follow the parent's name in a built-in phrasing; commas never matter. */
const CONNECTORS = ['but also', 'and also', 'and more', 'plus the following', 'and the following', 'as well as', 'but', 'plus', 'and', 'also', 'with'];
/** Words that make a short line read like a parent line, so that one no phrasing reads is reported. */
const INHERITANCE_CUES = ['same as', 'builds on', 'builds upon', 'build on', 'everything in', 'everything from', 'performed the role of', 'expectations of'];
/** Punctuation around a parent line that does not matter: parentheses, final dots, a colon, stray emphasis. */
const EDGE_PUNCTUATION = new Set(['(', ')', '[', ']', '.', '…', ':', ';', '!', ',', '*', '_', '-', '—', '–']);
const CUE_WORDS = INHERITANCE_CUES.map((cue) => cue.split(' '));
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words between an inheritance cue and the name it is about: "inherits everything from the Senior Engineer". */
const FILLER = new Set([...ARTICLES, 'everything', 'all', 'from', 'of', 'in', 'on', 'role', 'expectations']);
const LIST_WORDS = new Set(['and', 'or']);
/** Words no role title holds: a built-in phrasing whose name has them ("Same as X but also owns Y") is not read. */
const NOT_IN_NAMES = new Set(['but', 'plus', 'also']);
/** More words than a role title has: "Same as most engineers who joined the team years ago" names no role. */
const MAX_NAME_WORDS = 8;
/** Lowercase words inside a title ("Head of Engineering", "Research and Development Engineer"). */
const TITLE_JOINERS = new Set(['of', 'and', '&', '-', 'for', 'in']);

interface Token {
  /** Folded (lower case, no accents) for comparing. */
  word: string;
  start: number;
  end: number;
}

/** A phrasing as words around the parent's name: `before`, then the name, then one of `after` (in order). */
export interface Phrasing {
  /** As written in `ladder.yaml`; undefined for a built-in phrasing. */
  pattern?: string;
  before: string[];
  after: string[][];
}

export interface ParentLine {
  names: string[];
  article?: string;
  /** The `ladder.yaml` pattern that read the line, if not a built-in phrasing. */
  pattern?: string;
}

let builtIn: Phrasing[] | undefined;
let lastUsed: { key: string; phrasings: Phrasing[] } | undefined;

/**
 * The phrasings to try, `ladder.yaml`'s first (so a pattern that reads a line is credited with it). Built
 * once per set of patterns: every file of a ladder is read with the same ones.
 */
export function phrasingsFor(patterns: readonly string[] = []): Phrasing[] {
  const key = JSON.stringify(patterns);
  if (lastUsed?.key === key) return lastUsed.phrasings;
  builtIn ??= BUILT_IN_OPENINGS.map((opening) => ({ before: words(opening)!, after: [...CONNECTORS.map((connector) => words(connector)!), []] }));
  lastUsed = { key, phrasings: [...patterns.map(userPhrasing), ...builtIn] };
  return lastUsed.phrasings;
}

/**
 * A `ladder.yaml` phrasing such as `"*Same as {parent} and...*"`: its emphasis, commas and final dots do not
 * matter, as they do not in the text. Schema validation guarantees `{parent}` appears exactly once.
 */
function userPhrasing(pattern: string): Phrasing {
  const [before = '', after = ''] = pattern.replace(/[*_]/g, '').split('{parent}');
  const [beforeWords, afterWords] = [words(before), words(after)];
  // A part longer than any parent line can never match one: no alternatives, so the phrasing reads nothing.
  if (!beforeWords || !afterWords) return { pattern, before: [], after: [] };
  return { pattern, before: beforeWords, after: [afterWords] };
}

/** The words of a phrasing part, commas and edge punctuation dropped; null when it is too long to match a line. */
function words(text: string): string[] | null {
  const core = trimEdgeText(normalizeLine(text));
  if (core.length > MAX_PARENT_LINE) return null;
  return tokens(core).map((token) => token.word).filter((word) => word !== ',');
}

/** The text without the spaces and edge punctuation around it, by a scan: nothing is tokenised that is then dropped. */
function trimEdgeText(text: string): string {
  const edge = (char: string) => char === ' ' || EDGE_PUNCTUATION.has(char);
  let start = 0;
  let end = text.length;
  while (start < end && edge(text[start]!)) start++;
  while (end > start && edge(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Whitespace of any kind, in runs, becomes one space: the text every check below reads. */
export function normalizeLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Runs of letters and digits are words; every other non-space character is a token of its own. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+|\S/gu)].map((m) => ({ word: m[0].length > 1 ? fold(m[0]) : m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Reads a paragraph's plain text as a parent line; null when no phrasing reads it. */
export function readParentLine(plain: string, phrasings: readonly Phrasing[]): ParentLine | null {
  const text = trimEdgeText(normalizeLine(plain));
  if (text.length === 0 || text.length > MAX_PARENT_LINE) return null;
  const core = tokens(text);
  for (const phrasing of phrasings) {
    const span = nameSpan(core, phrasing);
    if (!span) continue;
    let [first, last] = span;
    const article = ARTICLES.has(core[first]!.word) && first < last ? text.slice(core[first]!.start, core[first]!.end) : undefined;
    if (article) first++;
    const part = core.slice(first, last + 1);
    if (phrasing.pattern === undefined && part.some((token) => NOT_IN_NAMES.has(token.word))) continue;
    const names = nameList(text, part);
    if (names.length === 0 || names.some((name) => name.split(' ').length > MAX_NAME_WORDS)) continue;
    // A list names roles only if each is written as a title: "Same as last year, we expect…" is description.
    if (names.length > 1 && !names.every((name) => /^[\p{Lu}\p{N}]/u.test(name))) continue;
    return { names, ...(article ? { article } : {}), ...(phrasing.pattern !== undefined ? { pattern: phrasing.pattern } : {}) };
  }
  return null;
}

/** Where the name sits in `core` under a phrasing, as first and last token indexes; commas are skipped. */
function nameSpan(core: Token[], phrasing: Phrasing): [number, number] | null {
  let first = 0;
  for (const word of phrasing.before) {
    while (core[first]?.word === ',') first++;
    if (core[first]?.word !== word) return null;
    first++;
  }
  for (const after of phrasing.after) {
    let last = core.length - 1;
    let matched = true;
    for (let k = after.length - 1; k >= 0 && matched; k--) {
      while (last >= first && core[last]!.word === ',') last--;
      matched = last >= first && core[last]!.word === after[k];
      last--;
    }
    while (last >= first && core[last]!.word === ',') last--;
    while (first <= last && core[first]!.word === ',') first++;
    if (matched && last >= first) return [first, last];
  }
  return null;
}

/**
 * The names in a name part: one, or a list ("L1, L2", "L1, L2 and L3"). Only commas make a list, so a
 * title with "and" in it ("Research and Development Engineer") stays one name.
 */
function nameList(text: string, part: Token[]): string[] {
  const groups: Token[][] = [[]];
  for (const token of part) {
    if (token.word === ',') groups.push([]);
    else groups.at(-1)!.push(token);
  }
  if (groups.length > 1) {
    const last = groups.pop()!;
    const and = last.findIndex((token, i) => i > 0 && LIST_WORDS.has(token.word));
    groups.push(...(and > 0 ? [last.slice(0, and), last.slice(and + 1)] : [last]));
  }
  return groups
    .map((group) => (group.length > 1 && LIST_WORDS.has(group[0]!.word) ? group.slice(1) : group))
    .filter((group) => group.length > 0)
    .map((group) => text.slice(group[0]!.start, group.at(-1)!.end));
}

/**
 * Whether a line no phrasing read still reads like a parent line: short, speaking of inheriting, and naming
 * something right after that (a capitalised word or a number, as role titles are written). So "This role
 * builds on Senior Engineer" does, "An engineer builds on what the team knows" does not.
 * (A line that is only a link to a role file is the caller's check: it needs the Markdown.)
 */
export function readsLikeInheritance(plain: string): boolean {
  const text = normalizeLine(plain);
  return text.length <= SHORT_LINE && namesAfterCues(text, tokens(text)).length > 0;
}

/** The index of each token that starts a name right after an inheritance cue (fillers and articles skipped). */
function namesAfterCues(text: string, found: Token[]): number[] {
  return cueEnds(found).flatMap((after) => {
    let next = after;
    while (next < found.length && (FILLER.has(found[next]!.word) || !/[\p{L}\p{N}]/u.test(found[next]!.word))) next++;
    return next < found.length && /[\p{Lu}\p{N}]/u.test(text[found[next]!.start]!) ? [next] : [];
  });
}

/** Where each inheritance cue in the tokens ends (the index of the token after it). */
function cueEnds(found: Token[]): number[] {
  const ends: number[] = [];
  for (let i = 0; i < found.length; i++) {
    if (found[i]!.word.startsWith('inherit')) ends.push(i + 1);
    for (const cue of CUE_WORDS) if (cue.every((word, k) => found[i + k]?.word === word)) ends.push(i + cue.length);
  }
  return ends;
}

/**
 * The `ladder.yaml` pattern that would read a line: the name after the last inheritance cue becomes
 * `{parent}`. Undefined when no name can be told apart.
 */
export function suggestedPattern(plain: string): string | undefined {
  const text = trimEdgeText(normalizeLine(plain));
  const core = tokens(text);
  const start = Math.max(-1, ...namesAfterCues(text, core));
  if (start < 0) return undefined;
  // The name runs over capitalised words (and the small words inside titles), as titles are written.
  const capitalised = (i: number) => i < core.length && /[\p{Lu}\p{N}]/u.test(text[core[i]!.start]!);
  let end = start;
  while (capitalised(end + 1) || (TITLE_JOINERS.has(core[end + 1]?.word ?? '') && capitalised(end + 2))) end += capitalised(end + 1) ? 1 : 2;
  return `${text.slice(0, core[start]!.start)}{parent}${text.slice(core[end]!.end)}`;
}
