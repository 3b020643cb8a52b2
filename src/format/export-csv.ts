import type { LadderExport } from '../schema/export.js';

/** `id` and `examples` (one per line in the cell) come last so scripts that read the earlier columns by position keep working. */
const HEADER = ['role', 'title', 'track', 'level', 'section', 'expectation', 'source', 'line', 'id', 'examples'];

/**
 * One row per (role, expectation), for spreadsheets: RFC 4180, CRLF line ends, a header row. The stable
 * expectation id lets a sheet match rows across two exports of different ladder versions.
 */
export function exportCsv(data: LadderExport): string {
  const rows = [HEADER];
  for (const role of data.roles) {
    for (const section of role.sections) {
      for (const expectation of section.expectations) {
        const examples = (expectation.examples ?? []).join('\n');
        rows.push([role.id, role.title, role.track, String(role.level), section.title, expectation.text, expectation.source, String(expectation.line), expectation.id, examples]);
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Quoted only when it must be: a comma, a quote or a line break; quotes inside are doubled. */
export function csvField(value: string): string {
  const cell = notAFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading `'`,
 * OWASP's advice against CSV injection: an expectation such as `=HYPERLINK(…)` must stay text in the sheet.
 */
function notAFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
