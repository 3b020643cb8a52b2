import { fnv1a } from '../load/hash.js';
import { fold, slug } from '../load/slug.js';
import type { ParsedExpectation, ParsedRole } from '../schema/parsed.js';

/**
 * The text an expectation's id is derived from: folded (case and accents), whitespace collapsed, and
 * final punctuation dropped. So re-wrapping a bullet, fixing its case or letting `lint --fix` add the final
 * period keeps its id; changing a word does not.
 */
export function idText(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim().replace(/[\s.!?:;…]+$/u, '');
}

const idsOf = new WeakMap<ParsedRole, Map<ParsedExpectation, string>>();

/**
 * The id of every expectation a role file holds: `<role>/<section slug>/<hash of idText>`. It survives
 * reordering, moving a bullet to another line and inserting others around it. The same text twice in one
 * section (after normalising) would share an id, so repeats get `-2`, `-3`… in the order they are written.
 * Computed once per role, however many roles inherit it.
 */
export function expectationIds(role: ParsedRole): Map<ParsedExpectation, string> {
  let ids = idsOf.get(role);
  if (ids) return ids;
  ids = new Map();
  const seen = new Map<string, number>();
  for (const section of role.sections) {
    for (const expectation of section.expectations) {
      const id = `${role.id}/${slug(section.title)}/${fnv1a(idText(expectation.text))}`;
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      ids.set(expectation, count === 1 ? id : `${id}-${count}`);
    }
  }
  idsOf.set(role, ids);
  return ids;
}
