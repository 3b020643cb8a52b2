import type { LintRule, Report } from '../rule.js';
import { checkExpectations } from './each-expectation.js';

export const lostBullet: LintRule = {
  meta: {
    id: 'lost-bullet',
    description: 'A line without a bullet right under a list reads as its own expectation, but Markdown merges it into the item above.',
    severity: 'warning',
    fixable: false,
  },
  check: (ctx) =>
    checkExpectations(ctx, (expectation, role, lines) => {
      const reports: Report[] = [];
      for (let line = expectation.line + 1; line <= expectation.endLine; line++) {
        if (!readsAsLostBullet(lines[line - 2] ?? '', lines[line - 1] ?? '')) continue;
        reports.push({
          file: role.file,
          line,
          column: 1,
          message: `Line reads as a separate expectation but has no bullet, so it merges into the item on line ${expectation.line}; add "* " before it (or indent it if it continues that item).`,
        });
      }
      return reports;
    }),
};

/**
 * A wrapped bullet is either indented or continues a sentence. A line that starts at the margin with a
 * capital letter right after a line that ended a sentence is a new expectation that lost its bullet.
 */
function readsAsLostBullet(previous: string, line: string): boolean {
  return /^\p{Lu}/u.test(line) && /[.!?][*_"'”’)]*\s*$/.test(previous);
}
