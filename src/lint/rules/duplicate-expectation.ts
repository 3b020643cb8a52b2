import type { ParsedExpectation } from '../../schema/parsed.js';
import { short } from '../../text/short.js';
import { restates, scopeGrows } from '../../text/judgement.js';
import { contentWords } from '../../text/similarity.js';
import { defineRule, type Report } from '../rule.js';
import { mayRestate, PrefixIndex, wordFrequency, wordSetsOf, type WordIds } from '../similar-index.js';
import { expectationsOf, fileOf } from './each-expectation.js';

export const duplicateExpectation = defineRule({
  meta: {
    id: 'duplicate-expectation',
    description: 'A role states the same expectation twice, word for word or restated (a part of it, or nearly the same words; not the same sentence at another scope).',
    severity: 'warning',
    fixable: false,
    flags: '"Writes tests for the code they change." twice in one role',
    passes: '"Reviews code at a function level." and "Reviews code at a system level." in one role: the scope differs',
  },
  check: (ctx) => {
    // One index for every role, emptied between them (see `PrefixIndex.restart`).
    const index = new PrefixIndex<{ expectation: ParsedExpectation; words: WordIds }>(new Map());
    return ctx.roles.flatMap((role) => {
      const words = wordSetsOf(role);
      const items = expectationsOf(role).map((expectation, i) => ({ expectation, words: words[i]! }));
      index.restart(wordFrequency(items.map((i) => i.words)));
      const reports: Report[] = [];
      for (const item of items) {
        const earlier = [...index.candidates(item.words)].find((other) => mayRestate(item.words, other.words) && repeats(other.expectation.text, item.expectation.text));
        if (earlier) {
          reports.push({
            file: fileOf(item.expectation, role),
            line: item.expectation.line,
            column: item.expectation.column,
            message: `Repeats "${short(earlier.expectation.text, 80)}" from line ${earlier.expectation.line}${fileOf(earlier.expectation, role) === fileOf(item.expectation, role) ? '' : ` of ${fileOf(earlier.expectation, role)}`} of the same role; keep one.`,
            related: { file: fileOf(earlier.expectation, role), line: earlier.expectation.line },
          });
        }
        index.add(item.words, item);
      }
      return reports;
    });
  },
});

/**
 * Within one role neither bullet comes first in the ladder, so a later one repeats an earlier one when it
 * restates it and neither is the other at a wider scope ("…at a function level", "…at a system level").
 */
function repeats(earlier: string, later: string): boolean {
  return restates(earlier, later) && !scopeGrows(contentWords(later), contentWords(earlier));
}
