import { defineRule, type Report } from '../rule.js';
import { checkExpectations, fileOf } from './each-expectation.js';

export const lostBullet = defineRule({
  meta: {
    id: 'lost-bullet',
    description: 'A line without a bullet right under a list reads as its own expectation, but Markdown merges it into the item above.',
    severity: 'warning',
    fixable: false,
    flags: '"Reviews designs." on the line right under a bullet, without its own "* "',
    passes: 'the same line indented as the continuation of the bullet above, or its own "* " bullet',
  },
  check: (ctx) =>
    checkExpectations(ctx, (expectation, role, lines) => {
      // A paragraph (prose ladders) wraps onto lines of its own; none of them lost a bullet.
      if (expectation.paragraph) return [];
      const reports: Report[] = [];
      for (let line = expectation.line + 1; line <= expectation.endLine; line++) {
        if (!readsAsLostBullet(lines[line - 2] ?? '', lines[line - 1] ?? '')) continue;
        reports.push({
          file: fileOf(expectation, role),
          line,
          column: 1,
          message: `Line reads as a separate expectation but has no bullet, so it merges into the item on line ${expectation.line}; add "* " before it (or indent it if it continues that item).`,
        });
      }
      return reports;
    }),
});

/** Words a line cannot end an expectation on: the next line must go on with it. */
const UNFINISHED = /(?:^|\s)(?:a|an|and|as|at|by|for|from|in|into|of|on|or|than|that|the|to|with)$/i;

/**
 * A wrapped bullet goes on indented, or in lower case, or after a line that visibly breaks off (a comma,
 * a dash, "and", "the"...). A line at the margin that starts with a capital, under an item that could
 * have ended there ("* Asks for help" then "Reviews code daily."), is a new expectation that lost its
 * bullet, whether or not the item above ends with a period.
 */
function readsAsLostBullet(previous: string, line: string): boolean {
  if (!/^[*_`["'“‘(]*\p{Lu}/u.test(line)) return false;
  const end = previous.replace(/[*_"'”’)]*\s*$/, '');
  return !/[,;:(–—-]$/.test(end) && !UNFINISHED.test(end);
}
