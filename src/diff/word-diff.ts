import { diffWords } from 'diff';
import type { WordChange } from '../schema/diff.js';

/** The words that change from one expectation's text to another's, as runs of common, added and removed text. */
export function wordChanges(from: string, to: string): WordChange[] {
  return diffWords(from, to).map((change) => ({
    value: change.value,
    ...(change.added ? { added: true as const } : {}),
    ...(change.removed ? { removed: true as const } : {}),
  }));
}
