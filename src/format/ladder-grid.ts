import type { RoleSummary } from '../schema/role.js';

export interface LadderGrid<R extends RoleSummary> {
  /** In the order the roles first name them. */
  tracks: string[];
  /** Highest first, as a ladder is drawn. */
  levels: number[];
  /** The roles at one level of one track. */
  at: (level: number, track: string) => R[];
}

/** The chart of a ladder, tracks as columns and levels as rows, shared by the exported index pages. */
export function ladderGrid<R extends RoleSummary>(roles: R[]): LadderGrid<R> {
  return {
    tracks: [...new Set(roles.map((r) => r.track))],
    levels: [...new Set(roles.map((r) => r.level))].sort((a, b) => b - a),
    at: (level, track) => roles.filter((r) => r.level === level && r.track === track),
  };
}
