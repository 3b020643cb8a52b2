import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const missingTitle: LintRule = {
  meta: {
    id: 'missing-title',
    description: 'A file has a parent line or sections, so it looks like a role, but no title.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['missing-title']),
};
