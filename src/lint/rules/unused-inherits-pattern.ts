import { problemRule } from './from-problems.js';

export const unusedInheritsPattern = problemRule({
  meta: {
    id: 'unused-inherits-pattern',
    description: 'A phrasing under "inherits: patterns:" in ladder.yaml reads the parent line of no role.',
    severity: 'warning',
    fixable: false,
    flags: '"Grows out of {parent}" when no role has such a line',
    passes: 'a pattern that reads at least one parent line',
  },
  problemCodes: ['unused-inherits-pattern'],
});
