import { fold } from './fold.js';

/**
 * Word-level likeness of two expectations, shared by `diff` (pairing an expectation with the one it
 * evolves from) and `lint` (an expectation that restates an inherited one). Both compare the words that
 * carry meaning, so "the", "and" or "to" do not make two unrelated sentences look alike.
 */
const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or so that the their them they this to with'.split(' '),
);

/** Lowercase content words of a text, inline Markdown and punctuation dropped. */
export function contentWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0 && !STOPWORDS.has(word));
}

/** Jaccard index of the two texts' content-word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  return jaccard(new Set(contentWords(a)), new Set(contentWords(b)));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The same index for sets of word ids given as ascending arrays: the compact form `lint` keeps for every
 * expectation of a large ladder (a Set of strings per expectation costs several times the memory).
 */
export function jaccardSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
