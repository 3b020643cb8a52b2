import type { LintRule } from '../rule.js';
import { fromProblems } from './from-problems.js';

export const unreadableFile: LintRule = {
  meta: {
    id: 'unreadable-file',
    description: 'A file or folder of the ladder cannot be read, or a file is not UTF-8 text.',
    severity: 'error',
    fixable: false,
  },
  check: (ctx) => fromProblems(ctx, ['unreadable', 'encoding']),
};
