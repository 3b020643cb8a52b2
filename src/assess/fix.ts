import type { Orphan } from '../schema/evidence.js';
import type { EvidenceRecord } from './evidence-file.js';
import { yamlKey } from './template.js';

/**
 * The evidence file's text with each moved orphan's id replaced by its new one, and nothing else touched:
 * the id's own characters are spliced out where the parser found them, so comments, order, quoting and
 * spacing stay byte for byte. (Re-serialising a YAML Document would keep comments but may restyle the rest.)
 */
export function withMovedIds(text: string, record: EvidenceRecord, moves: Orphan[]): string {
  const ranges = moves
    .map((orphan) => {
      const entry = record.entries.find((candidate) => candidate.id === orphan.id)!;
      const replacement = record.kind === 'yaml' ? yamlKey(orphan.closest!.id) : orphan.closest!.id;
      return { range: entry.range, replacement };
    })
    .sort((a, b) => b.range[0] - a.range[0]);
  let result = text;
  for (const { range, replacement } of ranges) result = result.slice(0, range[0]) + replacement + result.slice(range[1]);
  return result;
}
