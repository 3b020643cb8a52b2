import type { LadderFormat } from '../../schema/config.js';
import { settingsOf } from './reader-settings.js';

/**
 * How `format: skill-files` reads its files (src/load/readers/skill-files.ts). Kept apart from the reader
 * so the loader can read the settings on every run without loading the reader.
 */
export interface SkillFiles {
  inherit: 'previous' | 'none';
  /** The level names lowest first, when `ladder.yaml` lists them; else the order of the headings in the files. */
  order?: string[];
}

/** The reader settings `ladder.yaml` asks for, or undefined when it asks for another reader. */
export function skillFilesOf(format: LadderFormat | undefined): SkillFiles | undefined {
  const settings = settingsOf(format, 'skill-files');
  return settings && { inherit: settings.inherit ?? 'previous', ...(settings.order ? { order: settings.order } : {}) };
}
