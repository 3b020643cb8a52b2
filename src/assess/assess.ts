import type { AssessReport, EvidenceItem, Orphan } from '../schema/evidence.js';
import type { ResolvedExpectation, ResolvedRole } from '../schema/role.js';
import { similarity } from '../text/similarity.js';
import { EVOLUTION_THRESHOLD } from '../text/judgement.js';
import type { EvidenceEntry, EvidenceRecord } from './evidence-file.js';

/** The rating words when ladder.yaml sets none. */
export const DEFAULT_SCALE = ['not yet', 'sometimes', 'consistently'];

/**
 * How alike an orphan's recorded text and a current expectation must be for `--fix` to move the evidence:
 * the bar `diff` uses to call one expectation a rewording of another. Below it the pairing is shown as a
 * guess and left alone, never moved with false confidence.
 */
export const MOVE_THRESHOLD = EVOLUTION_THRESHOLD;

export interface AssessInput {
  role: { id: string; title: string } | null;
  target: ResolvedRole;
  evidence: EvidenceRecord;
  scale: string[];
}

/**
 * Section by section, which of the target's expectations have evidence and which do not. Counts only: no
 * score. Evidence under an id the target does not have is an orphan, paired with the most similar
 * expectation still without evidence.
 */
export function assess({ role, target, evidence, scale }: AssessInput): AssessReport {
  const byId = new Map(evidence.entries.map((entry) => [entry.id, entry]));
  const held = new Set(target.sections.flatMap((section) => section.expectations.map((e) => e.id)));
  const sections = target.sections.map((section) => ({
    id: section.id,
    title: section.title,
    expectations: section.expectations.map((e) => ({ id: e.id, text: e.text, source: e.source, evidence: (byId.get(e.id)?.items ?? []).filter(isEvidence).map(withoutLine) })),
  }));
  const all = sections.flatMap((section) => section.expectations);
  const withEvidence = all.filter((e) => e.evidence.length > 0).length;
  const unevidenced = target.sections.flatMap((section) => section.expectations).filter((e) => !byId.get(e.id)?.items.some(isEvidence));
  const orphans = evidence.entries.filter((entry) => !held.has(entry.id)).map((entry) => orphanOf(entry, unevidenced));
  const ratingProblems = evidence.entries.flatMap((entry) =>
    entry.items.flatMap((item) => (['self', 'manager'] as const).filter((who) => item[who] !== undefined && !onScale(item[who]!, scale)).map((who) => ({ id: entry.id, line: item.line, who, rating: item[who]! }))),
  );
  return {
    role,
    target: { id: target.id, title: target.title },
    evidenceFile: evidence.file,
    scale,
    summary: { expectations: all.length, withEvidence, gap: all.length - withEvidence, orphaned: orphans.length, ratingProblems: ratingProblems.length },
    sections,
    orphans,
    ratingProblems,
  };
}

/** A piece counts as evidence when it points at something or says something; a rating alone does not. */
function isEvidence(item: EvidenceItem): boolean {
  return Boolean(item.link?.trim() || item.note?.trim());
}

function withoutLine({ line: _, ...item }: EvidenceItem & { line: number }): EvidenceItem {
  return item;
}

/** Ratings match the scale's words regardless of case and spacing, so "Not yet" is "not yet". */
function onScale(rating: string, scale: string[]): boolean {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return scale.some((word) => norm(word) === norm(rating));
}

/** The closest expectation without evidence to an orphan's recorded text, and whether it is close enough to move to. */
function orphanOf(entry: EvidenceEntry, candidates: ResolvedExpectation[]): Orphan {
  const base = { id: entry.id, line: entry.line, text: entry.text, items: entry.items.length };
  if (!entry.text) return { ...base, closest: null, movable: false };
  let best: { id: string; text: string; similarity: number } | null = null;
  for (const candidate of candidates) {
    const score = Math.round(similarity(entry.text, candidate.text) * 100) / 100;
    if (!best || score > best.similarity) best = { id: candidate.id, text: candidate.text, similarity: score };
  }
  return { ...base, closest: best, movable: best !== null && best.similarity >= MOVE_THRESHOLD };
}

/**
 * The orphans `--fix` moves: close enough, onto an id the file does not hold yet (a second key of the same
 * id would break the file), and no two onto one expectation (then neither is, as which is right is unclear).
 */
export function movesOf(report: AssessReport, evidence: EvidenceRecord): Orphan[] {
  const present = new Set(evidence.entries.map((entry) => entry.id));
  const movable = report.orphans.filter((orphan) => orphan.movable && !present.has(orphan.closest!.id));
  const count = new Map<string, number>();
  for (const orphan of movable) count.set(orphan.closest!.id, (count.get(orphan.closest!.id) ?? 0) + 1);
  return movable.filter((orphan) => count.get(orphan.closest!.id) === 1);
}
