import type { LadderFormat } from '../../schema/config.js';
import { settingsOf } from './reader-settings.js';

/**
 * How `format: levels-in-one-file` reads a file (src/load/readers/levels-in-file.ts). Kept apart from the
 * reader so the loader can read the settings without loading the Markdown parser (a warm `show` never parses).
 */
export interface LevelsInFile {
  levelHeading: 2 | 3;
  inherit: 'previous' | 'none';
  /** headings: a heading per level; bold-list: a list whose top items are bold level names (`readBoldListLevels`). */
  levels: 'headings' | 'bold-list';
}

/** The reader settings `ladder.yaml` asks for, or undefined for the default reader. */
export function levelsInFileOf(format: LadderFormat | undefined): LevelsInFile | undefined {
  const settings = settingsOf(format, 'levels-in-one-file');
  if (!settings) return undefined;
  const { levelHeading = 2, inherit = 'previous', levels = 'headings' } = settings;
  return { levelHeading, inherit, levels };
}
