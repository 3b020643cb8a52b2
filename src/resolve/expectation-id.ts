import type { ParsedExpectation, ParsedRole } from '../schema/parsed.js';
import { expectationKey } from '../text/expectation-key.js';
import { fnv1a } from '../text/hash.js';
import { slug } from '../text/slug.js';

const idsOf = new WeakMap<ParsedRole, Map<ParsedExpectation, string>>();

/**
 * The id of every expectation a role file holds: `<role>/<section slug>/<hash of expectationKey>`. It survives
 * reordering, moving a bullet to another line and inserting others around it. The same expectation twice in one
 * section (the same key) would share an id, so repeats get `-2`, `-3`… in the order they are written.
 * An expectation the ladder gives an id of its own (a data ladder's competency id) keeps it, so exports and
 * evidence recorded against it still match; a repeated one gets `-2` too, so two are never merged into one.
 * Computed once per role, however many roles inherit it.
 */
export function expectationIds(role: ParsedRole): Map<ParsedExpectation, string> {
  let ids = idsOf.get(role);
  if (ids) return ids;
  ids = new Map();
  const seen = new Map<string, number>();
  for (const section of role.sections) {
    for (const expectation of section.expectations) {
      const id = expectation.id ?? `${role.id}/${slug(section.title)}/${fnv1a(expectationKey(expectation.text))}`;
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      ids.set(expectation, count === 1 ? id : `${id}-${count}`);
    }
  }
  idsOf.set(role, ids);
  return ids;
}
