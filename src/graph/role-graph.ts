import type { ParsedRole, Problem } from '../schema/parsed.js';

/** How a role's parent line met its parent: a link, a `ladder.yaml` alias, the exact name, or loosely. */
export type ParentMatch = 'link' | 'alias' | 'exact' | 'loose';

/** A role placed in the ladder: its parent found, its level known. */
export interface RoleNode extends ParsedRole {
  parentId: string | null;
  parentMatch?: ParentMatch;
  /** The name on the parent line that found the parent: the only one, or the highest of several. */
  parentName?: string;
  level: number;
  children: string[];
}

export interface RoleGraph {
  /** Roles by id, in file order. */
  roles: Map<string, RoleNode>;
  /** Every structural defect: unknown parents, cycles, duplicates. */
  problems: Problem[];
  /** Roles whose inheritance chain is broken, with the defect that breaks it. */
  broken: Map<string, Problem>;
  /** slug of id, title or alias → role ids with that name. */
  names: Map<string, string[]>;
}
