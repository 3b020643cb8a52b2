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
  | { output: 'folder'; render: (data: LadderExport, titles: Map<string, string>, site?: SiteContext) => ExportFile[] };

/** What a site shows beyond the roles, from the ladder folder and its `ladder.yaml` (`site:`). */
export interface SiteContext {
  /** The ladder folder's own name: a site never shows where it lay on the machine that exported it. */
  folder: string;
  /** `site.title` from ladder.yaml; unset, the intro's first heading names the site. */
  title?: string;
  /** The Markdown of the ladder's README, or of the intro file ladder.yaml names. */
  intro?: string;
  /** Track name -> the name readers see (`site.tracks`). */
  tracks?: Record<string, string>;
}

/**
 * An export whose roles are resolved one at a time, as a streaming format writes them, with their inherited
 * lists shared rather than copied out: a deep chain would otherwise copy every inherited expectation per role.
 */
export interface StreamedExport extends Omit<LadderExport, 'roles'> {
  roles: Iterable<SharedRole>;
}

export type ExportFormat = 'json' | 'yaml' | 'csv' | 'markdown' | 'html';
