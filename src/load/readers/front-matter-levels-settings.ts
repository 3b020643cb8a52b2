import type { LadderFormat } from '../../schema/config.js';
import { settingsOf } from './reader-settings.js';

/**
 * How `format: front-matter-levels` reads its files (src/load/readers/front-matter-levels.ts). Kept apart
 * from the reader so the loader can read the settings on every run without loading the reader.
 */
export interface FrontMatterLevels {
  inherit: 'previous' | 'none';
  levelNames?: string[];
}

/** The reader settings `ladder.yaml` asks for, or undefined when it asks for another reader. */
export function frontMatterLevelsOf(format: LadderFormat | undefined): FrontMatterLevels | undefined {
  const settings = settingsOf(format, 'front-matter-levels');
  return settings && { inherit: settings.inherit ?? 'previous', ...(settings.levelNames ? { levelNames: settings.levelNames } : {}) };
}
