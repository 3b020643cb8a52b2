import { problemRule } from './from-problems.js';

export const unknownParent = problemRule({
  meta: {
    id: 'unknown-parent',
    description: 'The parent a role inherits from (or a track start in ladder.yaml) names no role of the ladder, or several; or the level order set in ladder.yaml cannot tell which level comes before another.',
    severity: 'error',
    fixable: false,
    flags: '"(Inherits the role expectations of an Enginer)" with no such role',
    passes: 'the parent named by a title that exists',
  },
  problemCodes: ['unknown-parent', 'ambiguous-parent', 'unknown-track-start', 'level-order'],
});
