import { defineRule, type Report } from '../rule.js';

export const trailingWhitespace = defineRule({
  meta: {
    id: 'trailing-whitespace',
    description: 'A line ends with spaces or tabs (two spaces before a line that continues the paragraph are a Markdown line break and stay).',
    severity: 'warning',
    fixable: true,
    flags: '"Writes code. " (a trailing space)',
    passes: 'two spaces before a line that continues the paragraph (a Markdown line break)',
  },
  check: (ctx) =>
    ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      const lines = ctx.lines(source);
      lines.forEach((text, index) => {
        const trailing = /[ \t]+$/.exec(text);
        if (!trailing || isLineBreak(text, trailing[0], lines[index + 1])) return;
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
});

/**
 * Exactly two spaces after text, with the paragraph going on below, is Markdown's hard line break:
 * removing them would change what readers see (markdownlint allows them the same way).
 */
function isLineBreak(text: string, trailing: string, next: string | undefined): boolean {
  return trailing === '  ' && text.trim() !== '' && next !== undefined && /^\s*[\p{L}\p{N}]/u.test(next);
}
