import type { LintRule, Report } from '../rule.js';

export const multipleBlankLines: LintRule = {
  meta: {
    id: 'multiple-blank-lines',
    description: 'Two or more blank lines in a row; one is enough.',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) =>
    ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      let previousBlank = false;
      ctx.lines(source).forEach((text, index) => {
        const blank = text.trim() === '';
        if (blank && previousBlank) {
          reports.push({
            file: source.file,
            line: index + 1,
            column: 1,
            message: 'Blank line follows another blank line; remove it.',
            fix: { line: index + 1, deleteLine: true },
          });
        }
        previousBlank = blank;
      });
      return reports;
    }),
};
