import type { LadderMatrix } from '../schema/matrix.js';
import { paint } from './paint.js';
import { levelName } from './steps-text.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

export interface MatrixTextOptions {
  color: boolean;
  /** Role id → title, to name the role an inherited expectation comes from. */
  titles: Map<string, string>;
  width?: number;
}

/**
 * The matrix as blocks that fit a terminal: per section (a row of the matrix), each level (a column) with
 * what it holds there: `●` its own, `○` inherited (with `--all`, naming where from), `–` nothing.
 */
export function formatMatrixText(matrix: LadderMatrix, { color, titles, width }: MatrixTextOptions): string {
  [matrix, titles] = showControlsIn([matrix, titles] as const);
  const c = paint(color);
  const lines: string[] = [];
  for (const track of matrix.tracks) {
    if (lines.length) lines.push('');
    lines.push(c.bold.underline(`Track ${track.track}`), c.dim(matrix.cumulative ? 'Everything each level holds, section by section' : 'What each level writes of its own, section by section'));
    for (const section of track.sections) {
      lines.push('', c.bold(section.title));
      section.cells.forEach((cell, i) => {
        lines.push(`  ${levelName(track.levels[i]!)}`);
        if (cell.expectations.length === 0) lines.push(`    ${c.dim('–')}`);
        for (const e of cell.expectations) {
          if (e.source === cell.role) lines.push(hang(`    ${c.green('●')} `, oneParagraph(e.text), width));
          else lines.push(hang(`    ${c.dim('○')} `, oneParagraph(e.text), width, c.dim(`(${titles.get(e.source) ?? e.source})`)));
        }
      });
    }
  }
  return fitLines(lines.join('\n'), width) + '\n';
}
