import type { LadderMatrix, MatrixRow, TrackMatrix } from '../schema/matrix.js';
import type { ResolvedRole, ResolvedSection } from '../schema/role.js';
import { levelRole, levelsOf, pickTracks, sectionHeads } from './track-levels.js';

export interface MatrixOptions {
  /** Each cell holds everything the level holds in the section, inherited included, not only its own. */
  all?: boolean;
}

/**
 * The competency matrix of each track: sections as rows, levels as columns, each cell the expectations
 * that level writes in that section (`all`: everything it holds there). `track` picks one track, as
 * `ladderSteps` does.
 */
export function ladderMatrix(roles: ResolvedRole[], track: string | undefined, { all = false }: MatrixOptions = {}): LadderMatrix {
  const byId = new Map(roles.map((role) => [role.id, role]));
  const tracks = pickTracks(roles, track).map((name): TrackMatrix => {
    const levels = levelsOf(roles, name);
    const held = levels.map((role) => (all ? role.sections : ownSections(role)));
    const sections = sectionHeads(held).map(({ id, title }): MatrixRow => ({
      id,
      title,
      cells: levels.map((role, i) => ({ role: role.id, expectations: held[i]!.find((section) => section.id === id)?.expectations ?? [] })),
    }));
    return { track: name, levels: levels.map((role) => levelRole(role, byId)), sections };
  });
  return { cumulative: all, tracks };
}

/** The sections in which the role writes expectations of its own, holding only those. */
function ownSections(role: ResolvedRole): ResolvedSection[] {
  return role.sections
    .map(({ id, title, expectations }) => ({ id, title, expectations: expectations.filter((e) => e.source === role.id) }))
    .filter((section) => section.expectations.length > 0);
}
