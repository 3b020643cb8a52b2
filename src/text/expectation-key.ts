import { fold } from './fold.js';

/**
 * What makes two expectations the same one: their text folded (case and accents), whitespace collapsed,
 * and final punctuation dropped. So re-wrapping a bullet, fixing its case or letting `lint --fix` add the
 * final period leaves it the same expectation; changing a word does not. Expectation ids hash this key, and
 * `diff`, `changes`, `show --new` and lint's repeat checks compare by it, so they never disagree.
 *
 * Inline Markdown (`**`, `_`, backticks) is kept: ids hash the key, are published in exports, and would
 * change for every bullet that uses emphasis if it were dropped.
 */
export function expectationKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim().replace(/[\s.!?:;…]+$/u, '');
}
