import { problemRule } from './from-problems.js';

export const unknownParent = problemRule({
  meta: {
    id: 'unknown-parent',
    description: 'The parent a role inherits from (or a track start in ladder.yaml) names no role of the ladder, or several.',
    severity: 'error',
    fixable: false,
  },
  problemCodes: ['unknown-parent', 'ambiguous-parent', 'unknown-track-start'],
});
