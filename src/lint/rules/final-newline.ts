import { defineRule, type Report } from '../rule.js';
import type { SourceFile } from '../../load/load-ladder.js';

export const finalNewline = defineRule({
  meta: {
    id: 'final-newline',
    description: 'A file does not end with exactly one line ending: its last line has none, or blank lines follow it.',
    severity: 'warning',
    fixable: true,
    flags: 'a file whose last line has no line ending, or ends in blank lines',
    passes: 'a file ending in exactly one line ending',
  },
  check: (ctx) =>
    ctx.loaded.sources
      .filter((source) => source.text.trim() !== '')
      .flatMap((source) => (/[\r\n]$/.test(source.text) ? trailingBlankLines(source, ctx.lines(source)) : [missingLineEnding(source, ctx.lines(source))])),
});

function missingLineEnding(source: SourceFile, lines: string[]): Report {
  const last = lines.at(-1)!;
  return {
    file: source.file,
    line: lines.length,
    column: last.length + 1,
    message: 'File does not end with a line ending; add one.',
    fix: { line: lines.length, column: last.length + 1, deleteCount: 0, insertText: '\n' },
  };
}

/** One finding per blank line after the last text, each deleting its line, so one --fix leaves none. */
function trailingBlankLines(source: SourceFile, lines: string[]): Report[] {
  const reports: Report[] = [];
  for (let line = lines.length; lines[line - 1]!.trim() === ''; line--) {
    reports.unshift({
      file: source.file,
      line,
      column: 1,
      message: 'Blank line at the end of the file; remove it, so the file ends with its last line of text.',
      fix: { line, deleteLine: true },
    });
  }
  return reports;
}
