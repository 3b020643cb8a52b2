import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const inheritanceCycle: LintRule = {
  meta: {
    id: 'inheritance-cycle',
    description: 'Roles inherit from each other in a loop, or a role inherits from itself.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['cycle', 'self-parent']),
};
