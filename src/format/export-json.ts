import type { LadderExport } from '../schema/export.js';
import { formatJson } from './json.js';

/** `{ version, generatedFrom, roles }`, each role exactly as `show --json` prints it. */
export function exportJson(data: LadderExport): string {
  return formatJson(data);
}
