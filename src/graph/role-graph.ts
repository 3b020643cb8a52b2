import type { ParsedRole, Problem, RolePlace } from '../schema/parsed.js';

/** How a role's parent line met its parent: a link, a `ladder.yaml` alias, the exact name, or loosely. */
export type ParentMatch = 'link' | 'alias' | 'exact' | 'loose';

/** A role placed in the ladder: its parent found, its level known. `R` is `RolePlace` when expectations were not loaded. */
export type RoleNode<R extends RolePlace = ParsedRole> = R & RoleLinks;

/** What the graph adds to a role. */
export interface RoleLinks {
  parentId: string | null;
  parentMatch?: ParentMatch;
  /** The name on the parent line that found the parent: the only one, or the highest of several. */
  parentName?: string;
  level: number;
  children: string[];
}

export interface RoleGraph<R extends RolePlace = ParsedRole> {
  /** Roles by id, in file order. */
  roles: Map<string, RoleNode<R>>;
  /** Every structural defect: unknown parents, cycles, duplicates. */
  problems: Problem[];
  /** Roles whose inheritance chain is broken, with the defect that breaks it. */
  broken: Map<string, Problem>;
  /** slug of id, title or alias → role ids with that name. */
  names: Map<string, string[]>;
}
