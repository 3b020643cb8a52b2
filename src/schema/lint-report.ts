import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/** What a rule is, independent of any ladder: the single source for docs, --list-rules, SARIF and config. */
export const LintRuleMetaSchema = z.object({
  /** Stable kebab-case id, used in ladder.yaml, disable comments and every output format. */
  id: z.string(),
  description: z.string(),
  /** The severity when ladder.yaml does not set one; `off`: the rule runs only when ladder.yaml turns it on. */
  severity: z.enum(['error', 'warning', 'off']),
  /** Whether `--fix` can rewrite what the rule finds. */
  fixable: z.boolean(),
  /** One expectation or line the rule flags, for the docs: what a finding looks like in a ladder. */
  flags: z.string(),
  /** One close call the rule leaves alone, for the docs: where the rule stops. */
  passes: z.string(),
});
export type LintRuleMeta = z.infer<typeof LintRuleMetaSchema>;

/** A second place a finding points at: the inherited expectation it restates, the first of two sections. */
export const RelatedLocationSchema = z.object({ file: z.string(), line: z.number().int() });
export type RelatedLocation = z.infer<typeof RelatedLocationSchema>;

export const LintFindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** Relative to the ladder folder, `/`-separated. */
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** `--fix` would rewrite this finding. */
  fixable: z.boolean(),
  related: RelatedLocationSchema.optional(),
});
export type LintFinding = z.infer<typeof LintFindingSchema>;

/** `ladder lint --format json`. */
export const LintReportSchema = z.object({
  findings: z.array(LintFindingSchema),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    fixable: z.number().int(),
  }),
});
export type LintReport = z.infer<typeof LintReportSchema>;
