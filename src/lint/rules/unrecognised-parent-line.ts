import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const unrecognisedParentLine: LintRule = {
  meta: {
    id: 'unrecognised-parent-line',
    description: 'A line under the title reads like a parent line ("Same as…", "Builds on…", a link to a role file) but no phrasing reads it, so the role inherits nothing.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['unrecognised-parent-line']),
};
