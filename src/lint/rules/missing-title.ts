import { problemRule } from './from-problems.js';

export const missingTitle = problemRule({
  meta: {
    id: 'missing-title',
    description: 'A file has a parent line or sections, so it looks like a role, but no title.',
    severity: 'error',
    fixable: false,
    flags: 'a file starting with "### Craft" and bullets, with no title',
    passes: 'a file with a "Senior Engineer" title above its sections',
  },
  problemCodes: ['missing-title'],
});
