import { expectationKey } from './expectation-key.js';
import { contentWords, jaccard } from './similarity.js';

/**
 * How a newer expectation stands to an older one it may come from: the one judgement `lint`
 * (restates-inherited, duplicate-expectation), `diff`, `show --new` and `changes` all make, so a bullet
 * lint calls a restatement is never one diff calls an evolution, and the other way round.
 * - `same`: the same expectation key (wrapping, case, final period aside).
 * - `restated`: adds nothing the older one lacks: almost the same words, a part of them, or the same
 *   sentence at a narrower scope.
 * - `evolved`: a sharper or wider version: only the scope words change and the scope grows, or the two
 *   share enough words to be the same duty told differently.
 * - `new`: unrelated.
 */
export type Judgement = 'same' | 'restated' | 'evolved' | 'new';

/** Content words this alike (Jaccard) say the same thing, unless the difference is a growing scope. */
export const NEAR_DUPLICATE = 0.7;
/**
 * The least likeness of any restatement, such as one that only drops words ("Writes code." under "Writes
 * code and reviews it."); below it a part is too small a share of the older bullet to call it the same
 * duty. Lint searches no further than this for restatements.
 */
export const RESTATEMENT_FLOOR = 0.5;
/**
 * The least likeness at which an expectation counts as a sharper version of an older one. Measured on the
 * bundled ladder (see test/diff.test.ts): real evolutions such as "Provides support and coaching to
 * engineering managers." → "Provides clear expectations, support, and coaching to engineering leaders."
 * score 0.3–0.5, while the closest unrelated neighbours in a section score 0.25 and below.
 */
export const EVOLUTION_THRESHOLD = 0.3;

/**
 * The scales a level's reach grows along, narrowest first: the same sentence with a wider scope is how a
 * ladder says a level grows ("…at a function/class level" in Engineer, "…at a module/component level" in Senior).
 */
const SCOPE_SCALES: readonly (readonly string[])[] = [
  ['function', 'class', 'module', 'component', 'service', 'application', 'system', 'platform'],
  ['task', 'feature', 'project', 'team', 'group department', 'organisation organization org', 'company', 'industry'],
];
/** Words that only place a scope ("across the organisation", "company-wide"): they change with it. */
const SCOPE_PLACES = new Set('across cross within throughout beyond among whole entire wide level levels scope'.split(' '));

/**
 * Words that hold a level back ("junior engineers", "assigned tasks", "with guidance"): a newer bullet that
 * drops one widens the duty, so it is never a restatement.
 */
const LIMITS = new Set(
  'junior new small smaller simple basic defined assigned given some own single individual local guidance supervision supervised help close closely direct directly occasional occasionally'.split(' '),
);

const scopeOf = new Map<string, { scale: number; rank: number }>();
SCOPE_SCALES.forEach((scale, index) =>
  scale.forEach((words, rank) => {
    for (const word of words.split(' ')) for (const form of [word, `${word}s`, `${word}es`, word.replace(/y$/, 'ies')]) scopeOf.set(form, { scale: index, rank });
  }),
);

export interface Judged {
  judgement: Judgement;
  /** Likeness of the content words (Jaccard), 0 to 1. */
  similarity: number;
}

/** How `newer` stands to `older`; not symmetric: a part of an older bullet restates it, the whole of a newer one does not. */
export function judge(older: string, newer: string): Judged {
  if (expectationKey(older) === expectationKey(newer)) return { judgement: 'same', similarity: 1 };
  const olderWords = contentWords(older);
  const newerWords = contentWords(newer);
  const similarity = jaccard(new Set(olderWords), new Set(newerWords));
  if (scopeGrows(olderWords, newerWords)) return { judgement: 'evolved', similarity };
  // A narrower scope is implied by the wider one, as a part of a bullet is by the whole; but a part that
  // drops a limit ("assigned", "with guidance") asks for more, not less.
  const narrower = scopeGrows(newerWords, olderWords);
  const part = similarity >= RESTATEMENT_FLOOR && newerWords.every((word) => olderWords.includes(word));
  const dropsLimit = olderWords.some((word) => LIMITS.has(word) && !newerWords.includes(word));
  if ((narrower && similarity >= RESTATEMENT_FLOOR) || (!dropsLimit && (similarity >= NEAR_DUPLICATE || part))) {
    return { judgement: 'restated', similarity };
  }
  return { judgement: similarity >= EVOLUTION_THRESHOLD ? 'evolved' : 'new', similarity };
}

/** Whether a word only names or places a scope ("team", "modules", "across"): what `scopeGrows` lets change. */
export function isScopeWord(word: string): boolean {
  return scopeOf.has(word) || SCOPE_PLACES.has(word);
}

/** Whether `newer` adds nothing to `older`: the same, or a restatement. What lint flags and diff keeps. */
export function restates(older: string, newer: string): boolean {
  const { judgement } = judge(older, newer);
  return judgement === 'same' || judgement === 'restated';
}

/** Whether `newer` is `older` with only its scope words changed, each scale reaching at least as far and one further. */
export function scopeGrows(olderWords: readonly string[], newerWords: readonly string[]): boolean {
  const rest = (words: readonly string[]) => words.filter((word) => !isScopeWord(word)).join(' ');
  if (rest(olderWords) !== rest(newerWords)) return false;
  const older = widest(olderWords);
  const newer = widest(newerWords);
  if (older.size === 0 || older.size !== newer.size) return false;
  let grows = false;
  for (const [scale, rank] of older) {
    const reach = newer.get(scale);
    if (reach === undefined || reach < rank) return false;
    grows ||= reach > rank;
  }
  return grows;
}

/** Scale → the widest rank its words reach. */
function widest(words: readonly string[]): Map<number, number> {
  const reach = new Map<number, number>();
  for (const word of words) {
    const scope = scopeOf.get(word);
    if (scope) reach.set(scope.scale, Math.max(reach.get(scope.scale) ?? -1, scope.rank));
  }
  return reach;
}
