import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const duplicateRole: LintRule = {
  meta: {
    id: 'duplicate-role',
    description: 'Two role files have the same id or the same title.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['duplicate-id', 'duplicate-title']),
};
