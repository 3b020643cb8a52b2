import type { z } from 'zod';
import type { RoleGraph, RoleNode } from '../graph/build-graph.js';
import type { LoadedLadder, SourceFile } from '../load/load-ladder.js';
import type { LadderHealth } from '../schema/health.js';
import type { Problem } from '../schema/parsed.js';
import type { LintRuleMeta, RelatedLocation } from '../schema/lint-report.js';
import type { Fix } from './fix.js';

/** What every rule sees: the ladder as loaded and linked, plus raw lines for rules about formatting. */
export interface LintContext {
  root: string;
  loaded: LoadedLadder<SourceFile>;
  graph: RoleGraph;
  /** The promotion steps measured against the health thresholds (`ladder health`), measured on first use. */
  health(): LadderHealth;
  /** Whether a file or folder exists at a path relative to the ladder folder (`../` reaches outside it). */
  exists(file: string): boolean;
  /** Roles in file order (duplicates dropped by the graph are not here). */
  roles: RoleNode[];
  /** Loader and graph problems together; structural rules map their codes to findings. */
  problems: Problem[];
  /** The source file (a role file, or a README and the like when they were loaded) at a ladder-relative path. */
  source(file: string): SourceFile | undefined;
  /** A file's lines without their line endings. */
  lines(source: SourceFile): string[];
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  file: string;
  line: number;
  column: number;
  message: string;
  related?: RelatedLocation;
  /** Only honoured from rules whose meta says `fixable: true`. */
  fix?: Fix;
}

export interface LintRule<Id extends string = string, Options = unknown> {
  meta: LintRuleMeta & { id: Id };
  /**
   * The settings a rule takes in ladder.yaml (`rules: { id: [warn, { ...options }] }`, as ESLint has them),
   * with their defaults: the engine validates them here and passes the result to `check`.
   */
  options?: z.ZodType<Options>;
  check(ctx: LintContext, options: Options): Report[];
}

/** Declares a rule, keeping its id a literal type: the registry derives the union of rule ids from them. */
export function defineRule<const Id extends string, Options = undefined>(rule: LintRule<Id, Options>): LintRule<Id, Options> {
  return rule;
}
