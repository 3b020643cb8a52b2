import { problemRule } from './from-problems.js';

export const missingTitle = problemRule({
  meta: {
    id: 'missing-title',
    description: 'A file has a parent line or sections, so it looks like a role, but no title.',
    severity: 'error',
    fixable: false,
  },
  problemCodes: ['missing-title'],
});
