import type { LintRule, Report } from '../rule.js';

export const trailingWhitespace: LintRule = {
  meta: {
    id: 'trailing-whitespace',
    description: 'A line ends with spaces or tabs.',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) =>
    ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      ctx.lines(source).forEach((text, index) => {
        const trailing = /[ \t]+$/.exec(text);
        if (!trailing) return;
        reports.push({
          file: source.file,
          line: index + 1,
          column: trailing.index + 1,
          message: `Line ends with ${trailing[0].length} whitespace character${trailing[0].length === 1 ? '' : 's'}; remove them.`,
          fix: { line: index + 1, column: trailing.index + 1, deleteCount: trailing[0].length, insertText: '' },
        });
      });
      return reports;
    }),
};
