import type { LadderFormat } from '../../schema/config.js';
import { settingsOf } from './reader-settings.js';

/**
 * How `format: matrix` reads its tables (src/load/readers/matrix.ts). Kept apart from the reader so the
 * loader can read the settings without loading the GFM table parser.
 */
export interface MatrixSettings {
  /** Where the level names are: the header row (`columns`), the first column (`rows`), or decided per table. */
  levels: 'columns' | 'rows' | 'detect';
  inherit: 'previous' | 'none';
}

/** The reader settings `ladder.yaml` asks for, or undefined when it asks for another reader. */
export function matrixOf(format: LadderFormat | undefined): MatrixSettings | undefined {
  const settings = settingsOf(format, 'matrix');
  return settings && { levels: settings.levels ?? 'detect', inherit: settings.inherit ?? 'previous' };
}

