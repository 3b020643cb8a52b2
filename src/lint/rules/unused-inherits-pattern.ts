import { problemRule } from './from-problems.js';

export const unusedInheritsPattern = problemRule({
  meta: {
    id: 'unused-inherits-pattern',
    description: 'A phrasing under "inherits: patterns:" in ladder.yaml reads the parent line of no role.',
    severity: 'warning',
    fixable: false,
  },
  problemCodes: ['unused-inherits-pattern'],
});
