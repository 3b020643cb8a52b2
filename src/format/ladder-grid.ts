import type { RoleSummary } from '../schema/role.js';

export interface LadderGrid<R extends RoleSummary> {
  /** The track that starts lowest first (engineers before the managers who branch off them), then in the order roles name them. */
  tracks: string[];
  /** Highest first, as a ladder is drawn. */
  levels: number[];
  /** The roles at one level of one track, in the order given. */
  at: (level: number, track: string) => R[];
}

/**
 * The chart of a ladder, tracks as columns and levels as rows, shared by `list` and the exported index
 * pages. Roles are grouped once, so drawing it stays linear in the number of roles.
 */
export function ladderGrid<R extends RoleSummary>(roles: R[]): LadderGrid<R> {
  const cells = new Map<string, R[]>();
  const lowest = new Map<string, number>();
  const key = (level: number, track: string) => `${level}\u0000${track}`;
  for (const role of roles) {
    lowest.set(role.track, Math.min(lowest.get(role.track) ?? Infinity, role.level));
    const cell = cells.get(key(role.level, role.track));
    if (cell) cell.push(role);
    else cells.set(key(role.level, role.track), [role]);
  }
  return {
    tracks: [...lowest.keys()].sort((a, b) => lowest.get(a)! - lowest.get(b)!),
    levels: [...new Set(roles.map((r) => r.level))].sort((a, b) => b - a),
    at: (level, track) => cells.get(key(level, track)) ?? [],
  };
}
