import type { LadderMatrix } from '../schema/matrix.js';
import { csvRows } from './steps-csv.js';

const HEADER = ['track', 'section', 'level', 'role', 'title', 'expectation', 'source', 'id'];

/** One row per (section, level, expectation) of the matrix, for spreadsheets to pivot; escaped as the CSV export is. */
export function formatMatrixCsv(matrix: LadderMatrix): string {
  const rows = [HEADER];
  for (const track of matrix.tracks) {
    for (const section of track.sections) {
      section.cells.forEach((cell, i) => {
        const level = track.levels[i]!;
        for (const e of cell.expectations) rows.push([track.track, section.title, String(level.level), level.id, level.title, e.text, e.source, e.id]);
      });
    }
  }
  return csvRows(rows);
}
