import { z } from 'zod';

export const RuleSettingSchema = z.enum(['off', 'warn', 'error']);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** A rule's setting: its severity, or its severity and its options (`[warn, { style: period }]`), as in ESLint. */
export const RuleEntrySchema = z.union([RuleSettingSchema, z.tuple([RuleSettingSchema, z.record(z.string(), z.unknown())])]);
export type RuleEntry = z.infer<typeof RuleEntrySchema>;

/**
 * Rule id → off, warn or error, or `[severity, options]`. The rule ids live in the rule registry (src/lint/rules/index.ts), which
 * src/schema cannot import: lint rejects an unknown id, and the published JSON Schema lists the ids.
 */
export const RuleSettingsSchema = z.record(z.string(), RuleEntrySchema);

/** `ladder.yaml` at the ladder root. Unknown keys (and, when linting, unknown rule ids) are errors, never silently ignored. */
export const LadderConfigSchema = z
  .object({
    /** Rule id → off, warn or error (or `[severity, options]`), overriding the rule's default severity. */
    rules: RuleSettingsSchema.optional(),
    /** Globs (relative to the ladder root) of Markdown files that are not roles: never loaded, never linted. */
    ignore: z.array(z.string().min(1)).optional().describe('Globs, relative to the ladder root, of Markdown files that are not roles (overviews, deprecated copies): never loaded, never linted'),
    /** A name used in the files (a loose parent name) → the id of the role it means. */
    aliases: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe('Names used in role files, mapped to the id of the role they mean: settles a loose or ambiguous parent name'),
    tracks: z
      .record(z.string().min(1), z.string().min(1))
      .optional()
      .describe('Track name -> the id of the role the track starts at; a role belongs to the track of its nearest starting ancestor (or itself), unless its front matter sets one'),
    inherits: z
      .object({
        patterns: z
          .array(z.string().refine((p) => p.split('{parent}').length === 2 && /\p{L}/u.test(p.replace('{parent}', '')), 'must hold words and "{parent}" exactly once'))
          .describe('More phrasings of the line naming a role\'s parent, with {parent} where the name goes, e.g. "Grows out of {parent}"'),
      })
      .strict()
      .optional()
      .describe('How roles name their parent, beyond the built-in phrasings'),
    /** For ladders kept as one file per level with no parent lines: how the levels are ordered, and whether each builds on the one before. */
    levels: z
      .object({
        order: z
          .union([z.enum(['filename', 'frontmatter']), z.array(z.string().min(1)).min(1)])
          .describe('filename: by the number in the file name (L1.md, 01-junior.md, engineer-2.md); frontmatter: by weight, order, sidebar_position, nav_order or level; or the role files (relative to the ladder root) listed lowest first'),
        inherit: z
          .enum(['previous', 'none'])
          .describe('previous: each level inherits the one before it in its track (levels are cumulative); none: each level restates everything, and the order only sets its level'),
      })
      .strict()
      .optional()
      .describe('How to read a ladder of one file per level that names no parents; a parent line, where a role has one, still wins'),
    /** Which reader turns the Markdown files into roles; the default reads one role per file (src/load/parse-role.ts). */
    format: z
      .union([
        z.enum(['role-per-file', 'levels-in-one-file']),
        z
          .object({
            reader: z.literal('levels-in-one-file'),
            levelHeading: z.union([z.literal(2), z.literal(3)]).optional().describe('The heading depth of a level: 2 for "## Senior" (default), 3 for "### Senior"; its sections are one deeper'),
            inherit: z
              .enum(['previous', 'none'])
              .optional()
              .describe('previous (default): each level inherits the one above it in its file; none: each level restates everything'),
          })
          .strict(),
      ])
      .optional()
      .describe('role-per-file (default): one role per file; levels-in-one-file: a file per track, a heading per level, its sections one heading deeper'),
    /** When `ladder health` (and the thin-step rule) calls a promotion step thin. */
    health: z
      .object({
        minStep: z.number().int().min(0).optional().describe('A step adding fewer new expectations than this is thin (default 3)'),
        minRatio: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe("A step adding fewer than this share of its track's median step is thin (default 0.5)"),
      })
      .strict()
      .optional(),
  })
  .strict();
export type LadderConfig = z.infer<typeof LadderConfigSchema>;
export type LadderFormat = NonNullable<LadderConfig['format']>;
