import { problemRule } from './from-problems.js';

export const frontMatter = problemRule({
  meta: {
    id: 'front-matter',
    description: 'Front matter (or a ladder kept as YAML or JSON data) is not valid YAML, is never closed, or has unknown keys, wrong types or missing fields.',
    severity: 'error',
    fixable: false,
    flags: 'front matter "track: [ic" (unclosed YAML)',
    passes: 'front matter "track: ic"',
  },
  problemCodes: ['front-matter', 'data'],
});
