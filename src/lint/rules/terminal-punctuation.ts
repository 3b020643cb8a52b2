import { short } from '../../text/short.js';
import { defineRule } from '../rule.js';
import { checkExpectations } from './each-expectation.js';

/** Ends like a sentence, allowing closing emphasis, code, quotes or brackets after the mark; ":" opens a sub-list. */
const ENDS_SENTENCE = /[.!?:;…][*_`"'”’)\]]*$/;

export const terminalPunctuation = defineRule({
  meta: {
    id: 'terminal-punctuation',
    description: 'An expectation does not end with a period (or "!", "?", ":").',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) =>
    checkExpectations(ctx, (expectation, role, lines) => {
      if (expectation.text === '' || ENDS_SENTENCE.test(expectation.text)) return [];
      const column = (lines[expectation.endLine - 1] ?? '').trimEnd().length + 1;
      return [
        {
          file: role.file,
          line: expectation.endLine,
          column,
          message: `Expected a final "." after "${short(expectation.text)}", found "${expectation.text.at(-1)}".`,
          fix: { line: expectation.endLine, column, deleteCount: 0, insertText: '.' },
        },
      ];
    }),
});
