import type { LadderSteps } from '../schema/steps.js';
import { csvField } from './export-csv.js';

const HEADER = ['track', 'level', 'role', 'title', 'parent', 'section', 'change', 'expectation', 'was', 'id'];

/**
 * One row per expectation a level adds, for spreadsheets: `change` is `new` or `evolved`, `was` the
 * inherited expectation an evolved one sharpens. Cells are escaped as the CSV export escapes them,
 * formulas neutralised.
 */
export function formatStepsCsv(steps: LadderSteps): string {
  const rows = [HEADER];
  for (const track of steps.tracks) {
    for (const level of track.levels) {
      for (const section of level.sections) {
        for (const e of section.expectations) {
          rows.push([track.track, String(level.level), level.id, level.title, level.parent?.id ?? '', section.title, e.evolvesFrom ? 'evolved' : 'new', e.text, e.evolvesFrom?.text ?? '', e.id]);
        }
      }
    }
  }
  return csvRows(rows);
}

/** RFC 4180 with CRLF line ends, as the CSV export writes. */
export function csvRows(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
