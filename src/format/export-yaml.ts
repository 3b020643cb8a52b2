import { stringify } from 'yaml';
import type { LadderExport } from '../schema/export.js';

/** The same data as the JSON export. No line folding, so long expectations stay one scalar as written. */
export function exportYaml(data: LadderExport): string {
  return stringify(data, { lineWidth: 0 });
}
