import { problemRule } from './from-problems.js';

export const inheritanceCycle = problemRule({
  meta: {
    id: 'inheritance-cycle',
    description: 'Roles inherit from each other in a loop, or a role inherits from itself.',
    severity: 'error',
    fixable: false,
    flags: 'Alpha inherits from Beta and Beta from Alpha',
    passes: 'Beta inherits from Alpha, which inherits from nothing',
  },
  problemCodes: ['cycle', 'self-parent'],
});
