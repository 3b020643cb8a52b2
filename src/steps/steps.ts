import { compareRoles } from '../diff/compare-roles.js';
import type { NewSection } from '../schema/role-new.js';
import type { ResolvedRole } from '../schema/role.js';
import type { LadderSteps, LevelStep, TrackSteps } from '../schema/steps.js';
import { slug } from '../text/slug.js';
import { levelRole, levelsOf, pickTracks, sectionHeads } from './track-levels.js';

/**
 * What each level of a track adds over the role it inherits from, section by section: new expectations,
 * and evolved ones with the expectation they sharpen and the word diff, judged as `ladder show --new`
 * judges them. `track` picks one track (unknown: a usage error listing them); none gives every track. A
 * role whose parent is not among `roles` (an export of one role) is left out: it has nothing to be
 * compared with.
 */
export function ladderSteps(roles: ResolvedRole[], track?: string): LadderSteps {
  const byId = new Map(roles.map((role) => [role.id, role]));
  return { tracks: pickTracks(roles, track).map((name) => trackSteps(name, roles, byId)) };
}

function trackSteps(track: string, roles: ResolvedRole[], byId: Map<string, ResolvedRole>): TrackSteps {
  const levels = levelsOf(roles, track).flatMap((role) => {
    const step = levelStep(role, byId);
    return step ? [step] : [];
  });
  return { track, sections: sectionHeads(levels.map((level) => level.sections)), levels };
}

function levelStep(role: ResolvedRole, byId: Map<string, ResolvedRole>): LevelStep | undefined {
  const parent = role.inherits === null ? null : byId.get(role.inherits);
  if (parent === undefined) return undefined;
  const sections = addedSections(parent, role);
  const added = sections.flatMap((section) => section.expectations);
  return {
    ...levelRole(role, byId),
    summary: { new: added.length, evolved: added.filter((e) => e.evolvesFrom).length },
    sections,
  };
}

/** The sections in which `role` adds something over `parent`; a role at the top of its chain adds all it holds. */
function addedSections(parent: ResolvedRole | null, role: ResolvedRole): NewSection[] {
  const sections: NewSection[] = parent
    ? compareRoles(parent, role).sections.map((section) => ({ id: slug(section.title), title: section.title, expectations: section.added }))
    : role.sections.map(({ id, title, expectations }) => ({ id, title, expectations }));
  return sections.filter((section) => section.expectations.length > 0);
}
