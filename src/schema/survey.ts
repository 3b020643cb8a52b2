import { z } from 'zod';
import { LadderConfigSchema } from './config.js';

export const NotARoleSchema = z
  .object({
    file: z.string(),
    title: z.string(),
    kind: z.enum(['deprecated', 'overview']),
    reason: z.string().describe('What gave it away, in words'),
    ignoredBy: z.string().describe('The glob of the proposed ignore list that covers it'),
  })
  .describe('A Markdown file that parses as a role but is probably not one; the proposal ignores it');
export type NotARole = z.infer<typeof NotARoleSchema>;

export const ParentNoteSchema = z
  .object({
    file: z.string(),
    line: z.number().int().min(1),
    role: z.string().describe('Id of the role whose parent line this is'),
    name: z.string().describe('The parent name as written in the file'),
    kind: z.enum(['loose', 'ambiguous', 'unknown']).describe('loose: one role matches, not by its exact name; ambiguous: several do; unknown: none does'),
    candidates: z.array(z.string()).describe('Role ids the name may mean, likeliest first; for unknown, the closest names'),
  })
  .describe('A parent line that does not name its parent exactly');
export type ParentNote = z.infer<typeof ParentNoteSchema>;

/** What `ladder init` found in a folder, and the ladder.yaml it proposes. */
export const LadderSurveySchema = z
  .object({
    root: z.string(),
    files: z.number().int().describe('Markdown files read (READMEs and the like are never read)'),
    roles: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          file: z.string(),
          track: z.string(),
          level: z.number().int(),
          inherits: z.string().nullable(),
        }),
      )
      .describe('The roles under the proposed ladder.yaml'),
    chains: z.array(z.array(z.string())).describe('Each line of roles from a root down to a role nothing inherits from, as ids'),
    notRoles: z.array(NotARoleSchema),
    leftOut: z
      .array(z.string())
      .describe('Globs of the folders beside the roles that hold Markdown but no role files (docs/): left out while there is no ladder.yaml, so the proposal ignores them'),
    parents: z.array(ParentNoteSchema),
    unresolved: z
      .array(z.object({ file: z.string(), line: z.number().int(), message: z.string() }))
      .describe('What still breaks an inheritance chain under the proposed ladder.yaml; empty when every role resolves'),
    unsettled: z
      .array(z.object({ file: z.string(), line: z.number().int(), message: z.string() }))
      .describe('Markdown files not read as roles yet not ignored, and what the loader could not use (a parent-like line it does not recognise, bad front matter): a person fixes these, or ignores the file'),
    shape: z
      .string()
      .optional()
      .describe('How the ladder is kept, when init recognised a shape that needs a setting: "one file per level, ordered by the number in the file name: L1 → L6"'),
    config: LadderConfigSchema.describe('The proposed ladder.yaml'),
  })
  .describe('What ladder init found in a ladder folder (ladder init --json)');
export type LadderSurvey = z.infer<typeof LadderSurveySchema>;
