import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const unknownParent: LintRule = {
  meta: {
    id: 'unknown-parent',
    description: 'The parent a role inherits from (or a track start in ladder.yaml) names no role of the ladder, or several.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['unknown-parent', 'ambiguous-parent', 'unknown-track-start']),
};
