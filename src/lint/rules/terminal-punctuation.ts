import { short } from '../../text/short.js';
import { defineRule } from '../rule.js';
import { checkExpectations, fileOf } from './each-expectation.js';

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
      const message = `Expected a final "." after "${short(expectation.text)}", found "${expectation.text.at(-1)}".`;
      // The end of the line is not the end of the text in a table cell: say so rather than edit the wrong place.
      if (expectation.notFixable) {
        const at = { file: fileOf(expectation, role), line: expectation.line, column: expectation.column };
        return [{ ...at, message: `${message} Not fixable in this shape (${expectation.notFixable}); add it by hand.` }];
      }
      const column = (lines[expectation.endLine - 1] ?? '').trimEnd().length + 1;
      return [{ file: fileOf(expectation, role), line: expectation.endLine, column, message, fix: { line: expectation.endLine, column, deleteCount: 0, insertText: '.' } }];
    }),
});
