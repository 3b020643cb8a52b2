import type { RoleNode } from '../graph/build-graph.js';
import type { ParsedExpectation } from '../schema/parsed.js';
import { expectationsOf } from './rules/each-expectation.js';
import { isScopeWord, NEAR_DUPLICATE, RESTATEMENT_FLOOR } from '../text/judgement.js';
import { contentWords, jaccardSorted } from '../text/similarity.js';

/** An expectation's distinct content words as ascending word ids (see `jaccardSorted`): a plain array, or
 * a view into the packed ids of its role. */
export type WordIds = ArrayLike<number> & Iterable<number>;

const vocabulary = new Map<string, number>();
/** The ids of words that name or place a scope, which a restatement at a narrower scope may change. */
const scopeIds = new Set<number>();
/**
 * Each role's word sets, packed into one array: the count n, then where each set ends, then the ids. An
 * array per expectation, kept for the run, held 53 MiB for 200,000 expectations (most of it per-object
 * overhead, a tenth the ids themselves); a role's one typed array holds the same ids in a sixth of that.
 */
const packedOf = new WeakMap<RoleNode, Int32Array>();

/** The content words of each of a role's expectations (in `expectationsOf` order), computed once per run however many rules compare them. */
export function wordSetsOf(role: RoleNode): WordIds[] {
  let packed = packedOf.get(role);
  if (!packed) {
    packed = pack(expectationsOf(role).map(wordIdsOf));
    packedOf.set(role, packed);
  }
  const sets: WordIds[] = [];
  for (let i = 0, start = 1 + packed[0]!; i < packed[0]!; start = packed[1 + i]!, i++) sets.push(packed.subarray(start, packed[1 + i]));
  return sets;
}

function wordIdsOf(expectation: ParsedExpectation): number[] {
  return Array.from(new Set(contentWords(expectation.text)), idOf).sort((a, b) => a - b);
}

function pack(sets: number[][]): Int32Array {
  const packed = new Int32Array(1 + sets.length + sets.reduce((sum, set) => sum + set.length, 0));
  packed[0] = sets.length;
  let end = 1 + sets.length;
  sets.forEach((set, i) => {
    packed.set(set, end);
    end += set.length;
    packed[1 + i] = end;
  });
  return packed;
}

function idOf(word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(word, id);
    if (isScopeWord(word)) scopeIds.add(id);
  }
  return id;
}

/**
 * Whether `newer` can restate `older` (src/text/judgement.ts), told from word ids alone: alike enough, or
 * else a part of it, or it with only scope words changed. Lint asks the judgement, which reads the texts
 * again, only of the pairs that pass: most candidates of a large ladder do not.
 */
export function mayRestate(newer: WordIds, older: WordIds): boolean {
  const score = jaccardSorted(newer, older);
  if (score < RESTATEMENT_FLOOR) return false;
  if (score >= NEAR_DUPLICATE) return true;
  let part = true;
  let onlyScope = true;
  for (let i = 0, j = 0; i < newer.length || j < older.length; ) {
    let changed: number;
    if (newer[i] === older[j]) {
      i++;
      j++;
      continue;
    } else if (j >= older.length || (i < newer.length && newer[i]! < older[j]!)) {
      part = false;
      changed = newer[i++]!;
    } else changed = older[j++]!;
    if (!scopeIds.has(changed)) onlyScope = false;
  }
  return part || onlyScope;
}

/** Word ids stay below this (a ladder of 64 million distinct words is none we will meet), so a word's
 * frequency and id pack into one number that orders by frequency, then id, and unpacks to the id. */
const ID_SPACE = 2 ** 26;

/**
 * Finds word sets that may reach a Jaccard threshold without comparing every pair (prefix filtering):
 * with words ordered rarest first, two sets with Jaccard ≥ t must share a word among the first
 * |A| − ⌈t·|A|⌉ + 1 of each. Only those words are indexed and probed, and they are the rare ones, so
 * the candidate lists stay short however large the ladder. Entries are added and removed last in,
 * first out, which lets a walk down the inheritance tree keep exactly the ancestors' expectations.
 */
export class PrefixIndex<T> {
  private readonly postings = new Map<number, T[]>();
  /** The prefix of each entry in the index, in the order added: removal pops it instead of computing it again. */
  private readonly added: number[][] = [];

  constructor(
    /** How many expectations of the ladder use each word: rarer words come first in a prefix. */
    private frequency: ReadonlyMap<number, number>,
    /** The least likeness searched for: below it no pair can be a restatement (src/text/judgement.ts). */
    private readonly threshold = RESTATEMENT_FLOOR,
  ) {}

  candidates(words: WordIds): Set<T> {
    const found = new Set<T>();
    for (const word of this.prefix(words)) for (const item of this.postings.get(word) ?? []) found.add(item);
    return found;
  }

  add(words: WordIds, item: T): void {
    const prefix = this.prefix(words);
    for (const word of prefix) {
      const list = this.postings.get(word);
      if (list) list.push(item);
      else this.postings.set(word, [item]);
    }
    this.added.push(prefix);
  }

  /** Removes the entry added last. */
  removeLast(): void {
    for (const word of this.added.pop() ?? []) this.postings.get(word)?.pop();
  }

  /**
   * Empties the index for entries ranked by another `frequency`, keeping its posting lists. V8 moves a
   * kind of object it sees live long into the old generation as it is made: lists kept along the walk of
   * restates-inherited taught it that of these, and a new index per role then left 90 MiB of lists in the
   * old generation (10,000 roles) waiting for a full collection. Reused, a list is made once per word.
   */
  restart(frequency: ReadonlyMap<number, number>): void {
    while (this.added.length > 0) this.removeLast();
    this.frequency = frequency;
  }

  /**
   * The rarest words of a set. Each word is looked up once and packed with its frequency into one number,
   * so the order is a numeric sort of a few numbers, with no comparator and no lookups inside the sort.
   * Only the entries in the index keep theirs: a prefix for each of 200,000 expectations cost more memory
   * than the whole index.
   */
  private prefix(words: WordIds): number[] {
    // The small epsilon keeps 0.7 × 10 from rounding up to 8 in floating point.
    const length = words.length - Math.ceil(this.threshold * words.length - 1e-9) + 1;
    const ranked = new Float64Array(words.length);
    for (let i = 0; i < words.length; i++) ranked[i] = (this.frequency.get(words[i]!) ?? 0) * ID_SPACE + words[i]!;
    ranked.sort();
    return Array.from(ranked.subarray(0, length), (key) => key % ID_SPACE);
  }
}

/** Word → number of expectations using it, over the given texts' word sets. */
export function wordFrequency(sets: Iterable<WordIds>): Map<number, number> {
  const frequency = new Map<number, number>();
  for (const words of sets) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return frequency;
}
