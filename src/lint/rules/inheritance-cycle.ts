import { problemRule } from './from-problems.js';

export const inheritanceCycle = problemRule({
  meta: {
    id: 'inheritance-cycle',
    description: 'Roles inherit from each other in a loop, or a role inherits from itself.',
    severity: 'error',
    fixable: false,
  },
  problemCodes: ['cycle', 'self-parent'],
});
