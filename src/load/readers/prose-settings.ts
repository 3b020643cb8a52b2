import type { LadderFormat } from '../../schema/config.js';

// Apart from the prose reading itself (src/load/readers/prose.ts), so the loader can ask on every run
// without loading it.

/** Whether `ladder.yaml` asks for the prose reading. */
export function proseOf(format: LadderFormat | undefined): boolean {
  return typeof format === 'object' && 'prose' in format && format.prose === true;
}
