import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixIndex, wordFrequency, type WordIds } from '../src/lint/similar-index.js';
import { NEAR_DUPLICATE } from '../src/text/judgement.js';
import { jaccardSorted } from '../src/text/similarity.js';

/** Word sets as the index sees them: distinct word ids in ascending order. */
const wordIds = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }).map((ids) => [...ids].sort((a, b) => a - b));

describe('PrefixIndex (near-duplicate candidates)', () => {
  it('offers every earlier set that reaches the threshold, as comparing every pair would find', () => {
    fc.assert(
      fc.property(fc.array(wordIds, { minLength: 1, maxLength: 40 }), (sets) => {
        const index = new PrefixIndex<number>(wordFrequency(sets));
        sets.forEach((words, n) => {
          const offered = index.candidates(words);
          for (let earlier = 0; earlier < n; earlier++) {
            if (jaccardSorted(words, sets[earlier]!) >= NEAR_DUPLICATE) expect(offered.has(earlier)).toBe(true);
          }
          index.add(words, n);
        });
      }),
    );
  });

  it('forgets entries last in, first out, leaving exactly the ones still held', () => {
    const frequency = wordFrequency([[1, 2, 3], [1, 2, 3, 4], [7, 8, 9]]);
    const index = new PrefixIndex<string>(frequency);
    const probe: WordIds = [1, 2, 3];
    index.add([1, 2, 3], 'grandparent');
    index.add([1, 2, 3, 4], 'parent');
    index.add([7, 8, 9], 'unrelated');
    expect([...index.candidates(probe)].sort()).toEqual(['grandparent', 'parent']);
    index.removeLast();
    index.removeLast();
    expect([...index.candidates(probe)]).toEqual(['grandparent']);
    index.removeLast();
    expect(index.candidates(probe).size).toBe(0);
  });

  it('probes by the rarest words, so a word every set shares does not make every set a candidate', () => {
    // Word 0 is in every set; each set's rare words are its own, so no two sets come near each other.
    const sets: WordIds[] = Array.from({ length: 20 }, (_, n) => [0, 100 + 3 * n, 101 + 3 * n, 102 + 3 * n]);
    const index = new PrefixIndex<number>(wordFrequency(sets));
    sets.forEach((words, n) => index.add(words, n));
    expect(index.candidates(sets[5]!)).toEqual(new Set([5]));
  });
});
