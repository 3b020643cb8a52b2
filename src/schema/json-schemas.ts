import { z } from 'zod';
import { LadderChangesSchema } from './changes.js';
import { RoleDiffSchema } from './diff.js';
import { LadderConfigSchema, RuleSeveritySchema, RuleSettingsSchema } from './config.js';
import { AssessReportSchema, EvidenceFileSchema } from './evidence.js';
import { LadderExportSchema } from './export.js';
import { LadderGraphSchema } from './graph.js';
import { LadderHealthSchema } from './health.js';
import { LintReportSchema } from './lint-report.js';
import { LadderMatrixSchema } from './matrix.js';
import { ResolvedRoleSchema, RoleListSchema } from './role.js';
import { RoleNewSchema } from './role-new.js';
import { SearchResultSchema } from './search.js';
import { LadderStepsSchema } from './steps.js';
import { LadderSurveySchema } from './survey.js';

/**
 * Every JSON Schema published in schemas/, by file name. Each is generated from the zod schema the code
 * itself validates and types with, so the published contract cannot drift from the program.
 */
export const publishedSchemas: Record<string, { title: string; schema: z.ZodType }> = {
  'role.schema.json': { title: 'A resolved role (ladder show --json)', schema: ResolvedRoleSchema },
  'role-new.schema.json': { title: 'What a role adds to its parent (ladder show --new --json)', schema: RoleNewSchema },
  'role-list.schema.json': { title: 'The roles of a ladder (ladder list --json)', schema: RoleListSchema },
  'export.schema.json': { title: 'A resolved ladder (ladder export --format json|yaml)', schema: LadderExportSchema },
  'graph.schema.json': { title: 'The roles and inheritance edges of a ladder (ladder graph --format json)', schema: LadderGraphSchema },
  'search.schema.json': { title: 'Search hits (ladder search --json)', schema: SearchResultSchema },
  'changes.schema.json': { title: 'What changes in a ladder between two revisions (ladder changes --json)', schema: LadderChangesSchema },
  'diff.schema.json': { title: 'What changes from one role to another (ladder diff --json)', schema: RoleDiffSchema },
  'steps.schema.json': { title: 'What each level of each track adds over the one before it (ladder steps --json)', schema: LadderStepsSchema },
  'matrix.schema.json': { title: 'The competency matrix: sections by levels, per track (ladder matrix --json)', schema: LadderMatrixSchema },
  'health.schema.json': { title: 'The size of every promotion step, and what looks thin (ladder health --json)', schema: LadderHealthSchema },
  'lint-report.schema.json': { title: 'Lint findings and their counts (ladder lint --format json)', schema: LintReportSchema },
  'init.schema.json': { title: 'What ladder init found in a ladder folder, and the ladder.yaml it proposes (ladder init --json)', schema: LadderSurveySchema },
  'evidence.schema.json': { title: 'An evidence file, gathered against the expectations of a role (ladder assess --evidence)', schema: EvidenceFileSchema },
  'assess.schema.json': { title: 'Which expectations of a target role have evidence, and the gap (ladder assess --json)', schema: AssessReportSchema },
  'ladder-config.schema.json': { title: 'ladder.yaml: ignored files, parent aliases, inheritance phrasings and lint rule severities', schema: LadderConfigSchema },
};

type JsonSchema = Record<string, unknown>;

/** What the config schema needs of a lint rule: its id and the options it takes, if any. */
export interface PublishedRule {
  meta: { id: string };
  options?: z.ZodType;
}

/**
 * The JSON text of one published schema, as committed under schemas/. `rules` are the lint rules, from the
 * rule registry (src/schema cannot import src/lint): they are listed wherever ladder.yaml sets rule
 * severities, each with `[severity, { …options }]` when the rule takes options, described as ladder.yaml gives
 * them (defaults optional).
 */
export function renderJsonSchema(file: string, rules: readonly PublishedRule[]): string {
  const { title, schema } = publishedSchemas[file]!;
  const setting = ({ options }: PublishedRule) => (options ? z.union([RuleSeveritySchema, z.tuple([RuleSeveritySchema, options])]) : RuleSeveritySchema);
  const { $schema: _, ...ruleSettings } = toJsonSchema(z.object(Object.fromEntries(rules.map((rule) => [rule.meta.id, setting(rule).optional()]))).strict(), undefined, 'input');
  const generated = toJsonSchema(schema, ({ zodSchema, jsonSchema }) => {
    if (zodSchema === RuleSettingsSchema) replaceWith(jsonSchema, ruleSettings);
  });
  const body = { $id: `https://github.com/ladder/ladder/schemas/${file}`, title, ...generated };
  return JSON.stringify(body, null, 2) + '\n';
}

function toJsonSchema(schema: z.ZodType, override?: (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => void, io: 'input' | 'output' = 'output'): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    override: (ctx) => {
      dropSafeIntegerBounds(ctx);
      override?.(ctx);
    },
  });
}

/** zod's override hook edits the generated node in place. */
function replaceWith(node: JsonSchema, replacement: JsonSchema): void {
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, replacement);
}

/**
 * zod states the safe-integer range on every `.int()`; for a line or a level that is noise to editors and
 * readers, and no ladder comes near it, so only bounds a schema sets itself are published.
 */
function dropSafeIntegerBounds({ jsonSchema }: { jsonSchema: { minimum?: unknown; maximum?: unknown } }): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}
