import { problemRule } from './from-problems.js';

export const duplicateRole = problemRule({
  meta: {
    id: 'duplicate-role',
    description: 'Two role files have the same id or the same title.',
    severity: 'error',
    fixable: false,
    flags: 'two files titled "Senior Engineer"',
    passes: '"Senior Engineer" and "Senior Engineering Manager"',
  },
  problemCodes: ['duplicate-id', 'duplicate-title'],
});
