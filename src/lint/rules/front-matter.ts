import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const frontMatter: LintRule = {
  meta: {
    id: 'front-matter',
    description: 'Front matter is not valid YAML, is never closed, or has unknown keys or wrong types.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['front-matter']),
};
