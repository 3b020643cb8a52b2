import type { LadderMatrix } from '../schema/matrix.js';
import { escapeMarkdown } from './markdown-escape.js';
import { cellText, itemsCell, levelCell, tableRow } from './steps-markdown.js';

/**
 * The competency matrix as a table per track: a row per section, a column per level, each cell the
 * expectations the level holds there (`○` marks inherited ones, with `--all`), `<br>` between them.
 */
export function formatMatrixMarkdown(matrix: LadderMatrix): string {
  const blocks = ['# Competency matrix', matrix.cumulative ? 'Everything each level holds, section by section: ● its own, ○ inherited.' : 'What each level writes of its own, section by section.'];
  for (const track of matrix.tracks) {
    blocks.push(`## Track ${escapeMarkdown(track.track)}`);
    const rows = track.sections.map((section) =>
      tableRow([`**${escapeMarkdown(section.title)}**`, ...section.cells.map((cell) => itemsCell(cell.expectations.map((e) => `${e.source === cell.role ? '●' : '○'} ${cellText(e.text)}`)))]),
    );
    blocks.push([tableRow(['Section', ...track.levels.map((level) => levelCell(level))]), tableRow(['---', ...track.levels.map(() => '---')]), ...rows].join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}
