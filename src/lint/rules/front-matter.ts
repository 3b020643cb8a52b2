import { problemRule } from './from-problems.js';

export const frontMatter = problemRule({
  meta: {
    id: 'front-matter',
    description: 'Front matter is not valid YAML, is never closed, or has unknown keys or wrong types.',
    severity: 'error',
    fixable: false,
    flags: 'front matter "track: [ic" (unclosed YAML)',
    passes: 'front matter "track: ic"',
  },
  problemCodes: ['front-matter'],
});
