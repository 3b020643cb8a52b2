import type { RoleGraph } from '../graph/build-graph.js';
import { expectationIds } from '../resolve/expectation-id.js';
import type { LadderChanges } from '../schema/changes.js';
import type { OrphanedEvidence } from '../schema/evidence.js';
import { expectationKey } from '../text/expectation-key.js';

interface Placed {
  /** `file:line` where it is written. */
  at: string;
  id: string;
  role: string;
  text: string;
}

/**
 * Which of `ids` (an evidence file's) name an expectation at the older revision and none at the newer, and
 * the change that did it: the rewording or removal `changes` reports for that line, else a rename (the same
 * text under a new id, as when its role or section is renamed).
 */
export function evidenceOrphanedByChanges(older: RoleGraph, newer: RoleGraph, changes: LadderChanges, ids: Iterable<string>): OrphanedEvidence[] {
  const before = placed(older);
  const after = placed(newer);
  const newIds = new Set([...after.values()].map((e) => e.id));
  const oldById = new Map([...before.values()].map((e) => [e.id, e]));
  const reworded = new Map<string, { file: string; line: number; text: string }>();
  for (const role of changes.roles) for (const section of role.sections) for (const r of section.reworded) reworded.set(`${r.from.file}:${r.from.line}`, r.to);
  const byText = new Map<string, Placed[]>();
  for (const e of after.values()) byText.set(expectationKey(e.text), [...(byText.get(expectationKey(e.text)) ?? []), e]);
  const orphaned: OrphanedEvidence[] = [];
  for (const id of ids) {
    const old = oldById.get(id);
    if (!old || newIds.has(id)) continue;
    const rewording = reworded.get(old.at);
    const now = rewording ? after.get(`${rewording.file}:${rewording.line}`) : undefined;
    const same = byText.get(expectationKey(old.text));
    const change = now ? 'reworded' : same?.length === 1 ? 'renamed' : 'removed';
    const to = now ?? (same?.length === 1 ? same[0]! : undefined);
    orphaned.push({ id, change, role: old.role, text: old.text, to: to ? { id: to.id, text: to.text } : null });
  }
  return orphaned;
}

/** Every expectation a ladder's files write, by `file:line`, with its id. */
function placed(graph: RoleGraph): Map<string, Placed> {
  const result = new Map<string, Placed>();
  for (const role of graph.roles.values()) {
    for (const [expectation, id] of expectationIds(role)) {
      const at = `${expectation.file ?? role.file}:${expectation.line}`;
      result.set(at, { at, id, role: role.id, text: expectation.text });
    }
  }
  return result;
}
