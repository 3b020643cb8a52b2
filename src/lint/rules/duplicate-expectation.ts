import type { ParsedExpectation } from '../../schema/parsed.js';
import { short } from '../../text/short.js';
import { jaccardSorted } from '../../text/similarity.js';
import { defineRule, type Report } from '../rule.js';
import { NEAR_DUPLICATE, PrefixIndex, wordFrequency, wordSet, type WordIds } from '../similar-index.js';
import { expectationsOf } from './each-expectation.js';

export const duplicateExpectation = defineRule({
  meta: {
    id: 'duplicate-expectation',
    description: 'A role states the same expectation twice, word for word or nearly.',
    severity: 'warning',
    fixable: false,
    flags: '"Writes tests for the code they change." twice in one role',
    passes: '"Reviews code at a function level." and "Reviews code at a system level." in one role: the scope differs',
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) => {
      const items = expectationsOf(role).map((expectation) => ({ expectation, words: wordSet(expectation) }));
      const index = new PrefixIndex<{ expectation: ParsedExpectation; words: WordIds }>(wordFrequency(items.map((i) => i.words)));
      const reports: Report[] = [];
      for (const item of items) {
        const earlier = [...index.candidates(item.words)].find((other) => jaccardSorted(item.words, other.words) >= NEAR_DUPLICATE);
        if (earlier) {
          reports.push({
            file: role.file,
            line: item.expectation.line,
            column: item.expectation.column,
            message: `Repeats "${short(earlier.expectation.text, 80)}" from line ${earlier.expectation.line} of the same role; keep one.`,
            related: { file: role.file, line: earlier.expectation.line },
          });
        }
        index.add(item.words, item);
      }
      return reports;
    }),
});
