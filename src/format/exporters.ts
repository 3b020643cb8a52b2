import type { LadderExport } from '../schema/export.js';
import type { SharedRole } from '../resolve/shared-role.js';

/** One page of a multi-file export: `path` is relative to the target folder, with `/` separators. */
export interface ExportFile {
  path: string;
  content: string;
}

/**
 * Every exporter gets the resolved roles and every role's title (also of roles left out of the export, so an
 * inherited expectation can still name where it comes from). Single-file formats render one string, or a
 * stream of pieces when the file may be too large for one; site formats render a folder of pages.
 */
export type Exporter =
  | { output: 'file'; render: (data: LadderExport, titles: Map<string, string>) => string }
  | { output: 'stream'; render: (data: StreamedExport, titles: Map<string, string>) => Iterable<string | Uint8Array> }
  | { output: 'folder'; render: (data: LadderExport, titles: Map<string, string>) => ExportFile[] };

/**
 * An export whose roles are resolved one at a time, as a streaming format writes them, with their inherited
 * lists shared rather than copied out: a deep chain would otherwise copy every inherited expectation per role.
 */
export interface StreamedExport extends Omit<LadderExport, 'roles'> {
  roles: Iterable<SharedRole>;
}

export type ExportFormat = 'json' | 'yaml' | 'csv' | 'markdown' | 'html';
