import { defineRule, type Report } from '../rule.js';

export const multipleBlankLines = defineRule({
  meta: {
    id: 'multiple-blank-lines',
    description: 'Two or more blank lines in a row; one is enough.',
    severity: 'warning',
    fixable: true,
    flags: 'two blank lines between two sections',
    passes: 'one blank line between sections',
  },
  check: (ctx) =>
    ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      let previousBlank = false;
      const lines = ctx.lines(source);
      const end = textEnd(lines);
      lines.forEach((text, index) => {
        const blank = text.trim() === '';
        if (blank && previousBlank && index < end) {
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
});

/**
 * Where the blank lines after the last text begin: those are final-newline's, so each gets one finding,
 * not two. A file with no text at all has no such end, and all its lines are this rule's.
 */
function textEnd(lines: string[]): number {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return end === 0 ? lines.length : end;
}
