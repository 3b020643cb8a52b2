import { judge, type Judgement } from '../text/judgement.js';

export interface Evolved<T, S> {
  /** The newer expectation. */
  target: T;
  /** The older expectation it evolves from. */
  source: S;
  similarity: number;
}

/**
 * Pairs each newer expectation with the older one it most likely sharpens, greedily by descending
 * similarity so the strongest likeness wins and each older expectation is used at most once. Ties go to
 * the earlier target, then the earlier source, so the result never depends on sort stability.
 * Knows nothing of roles: `diff` pairs a role's added expectations with the source role's, and a
 * revision-to-revision comparison pairs added with removed ones the same way, where a restatement is a
 * rewording too (`kinds`). Which pairs qualify is the shared judgement's call (src/text/judgement.ts).
 */
export function pairEvolutions<T extends { text: string }, S extends { text: string }>(
  targets: readonly T[],
  sources: readonly S[],
  kinds: readonly Judgement[] = ['evolved'],
): Evolved<T, S>[] {
  const candidates: { t: number; s: number; similarity: number }[] = [];
  targets.forEach((target, t) =>
    sources.forEach((source, s) => {
      const { judgement, similarity } = judge(source.text, target.text);
      if (kinds.includes(judgement)) candidates.push({ t, s, similarity });
    }),
  );
  candidates.sort((a, b) => b.similarity - a.similarity || a.t - b.t || a.s - b.s);
  const usedTargets = new Set<number>();
  const usedSources = new Set<number>();
  const pairs: { t: number; s: number; similarity: number }[] = [];
  for (const candidate of candidates) {
    if (usedTargets.has(candidate.t) || usedSources.has(candidate.s)) continue;
    usedTargets.add(candidate.t);
    usedSources.add(candidate.s);
    pairs.push(candidate);
  }
  return pairs
    .sort((a, b) => a.t - b.t)
    .map(({ t, s, similarity }) => ({ target: targets[t]!, source: sources[s]!, similarity }));
}
