import { problemRule } from './from-problems.js';

export const unrecognisedParentLine = problemRule({
  meta: {
    id: 'unrecognised-parent-line',
    description: 'A line under the title reads like a parent line ("Same as…", "Builds on…", a link to a role file) but no phrasing reads it, so the role inherits nothing.',
    severity: 'error',
    fixable: false,
    flags: '"This role builds on Engineer." right under the title',
    passes: '"Builds on [Engineer](e.md)."',
  },
  problemCodes: ['unrecognised-parent-line'],
});
