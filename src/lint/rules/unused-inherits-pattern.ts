import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const unusedInheritsPattern: LintRule = {
  meta: {
    id: 'unused-inherits-pattern',
    description: 'A phrasing under "inherits: patterns:" in ladder.yaml reads the parent line of no role.',
    severity: 'warning',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['unused-inherits-pattern']),
};
