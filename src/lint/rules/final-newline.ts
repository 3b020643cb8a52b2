import type { LintRule } from '../rule.js';

export const finalNewline: LintRule = {
  meta: {
    id: 'final-newline',
    description: 'A file does not end with a line ending.',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) =>
    ctx.loaded.sources
      .filter((source) => source.text !== '' && !/[\r\n]$/.test(source.text))
      .map((source) => {
        const lines = ctx.lines(source);
        const last = lines.at(-1)!;
        return {
          file: source.file,
          line: lines.length,
          column: last.length + 1,
          message: 'File does not end with a line ending; add one.',
          fix: { line: lines.length, column: last.length + 1, deleteCount: 0, insertText: '\n' },
        };
      }),
};
