import { z } from 'zod';

export const ResolvedExpectationSchema = z.object({
  /** Stable: `<source role>/<section slug>/<n>`, n counting within the source role's section. */
  id: z.string(),
  text: z.string(),
  /** The id of the role whose file holds this expectation. */
  source: z.string(),
  line: z.number().int(),
});
export type ResolvedExpectation = z.infer<typeof ResolvedExpectationSchema>;

export const ResolvedSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  expectations: z.array(ResolvedExpectationSchema),
});
export type ResolvedSection = z.infer<typeof ResolvedSectionSchema>;

export const RoleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  track: z.string(),
  level: z.number().int(),
  inherits: z.string().nullable(),
  file: z.string(),
});
export type RoleSummary = z.infer<typeof RoleSummarySchema>;

/** A role with every inherited expectation flattened in: what `show --json` prints. */
export const ResolvedRoleSchema = RoleSummarySchema.extend({
  aliases: z.array(z.string()),
  /** Self first, then parent, up to the root. */
  chain: z.array(z.string()),
  description: z.string(),
  sections: z.array(ResolvedSectionSchema),
});
export type ResolvedRole = z.infer<typeof ResolvedRoleSchema>;

export const RoleListSchema = z.object({ roles: z.array(RoleSummarySchema) });
export type RoleList = z.infer<typeof RoleListSchema>;
