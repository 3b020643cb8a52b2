import type { LadderExport } from '../schema/export.js';

const HEADER = ['role', 'title', 'track', 'level', 'section', 'expectation', 'source', 'line'];

/** One row per (role, expectation), for spreadsheets: RFC 4180, CRLF line ends, a header row. */
export function exportCsv(data: LadderExport): string {
  const rows = [HEADER];
  for (const role of data.roles) {
    for (const section of role.sections) {
      for (const expectation of section.expectations) {
        rows.push([role.id, role.title, role.track, String(role.level), section.title, expectation.text, expectation.source, String(expectation.line)]);
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Quoted only when it must be: a comma, a quote or a line break; quotes inside are doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
