import { problemRule } from './from-problems.js';

export const unreadableFile = problemRule({
  meta: {
    id: 'unreadable-file',
    description: 'A file or folder of the ladder cannot be read, a file is not UTF-8 text, or a part of a file (a table cell) cannot be placed.',
    severity: 'error',
    fixable: false,
    flags: 'a role file in Latin-1 rather than UTF-8',
    passes: 'a UTF-8 file with accents in it',
  },
  problemCodes: ['unreadable', 'encoding', 'unread-part'],
});
