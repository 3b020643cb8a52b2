import { short } from '../quote.js';
import type { LintRule, Report } from '../rule.js';
import { expectationsOf } from './each-expectation.js';

/** Ends like a sentence, allowing closing emphasis, code, quotes or brackets after the mark; ":" opens a sub-list. */
const ENDS_SENTENCE = /[.!?:;…][*_`"'”’)\]]*$/;

export const terminalPunctuation: LintRule = {
  meta: {
    id: 'terminal-punctuation',
    description: 'An expectation does not end with a period (or "!", "?", ":").',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) => {
      const source = ctx.source(role.file);
      if (!source) return [];
      const lines = ctx.lines(source);
      const reports: Report[] = [];
      for (const expectation of expectationsOf(role)) {
        if (expectation.text === '' || ENDS_SENTENCE.test(expectation.text)) continue;
        const last = lines[expectation.endLine - 1] ?? '';
        const column = last.trimEnd().length + 1;
        reports.push({
          file: role.file,
          line: expectation.endLine,
          column,
          message: `Expected a final "." after "${short(expectation.text)}", found "${expectation.text.at(-1)}".`,
          fix: { line: expectation.endLine, column, deleteCount: 0, insertText: '.' },
        });
      }
      return reports;
    }),
};
