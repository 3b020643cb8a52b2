import { z } from 'zod';

export const RuleSeveritySchema = z.enum(['off', 'warn', 'error']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

/** `warn`, or, for a rule that takes options, `[warn, { …options }]` as ESLint has it; the rule's own schema checks the options. */
export const RuleSettingSchema = z.union([RuleSeveritySchema, z.tuple([RuleSeveritySchema, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/**
 * Rule id → off, warn or error, or `[severity, options]`. The rule ids live in the rule registry (src/lint/rules/index.ts), which
 * src/schema cannot import: lint rejects an unknown id, and the published JSON Schema lists the ids.
 */
export const RuleSettingsSchema = z.record(z.string(), RuleSettingSchema);

const PROSE = z
  .boolean()
  .optional()
  .describe('true for a ladder written in prose: each paragraph under a section is an expectation; lead-ins ending in ":", "next level" links and "Overview"/"Summary"/"About" sections are not');
const InheritSchema = z
  .enum(['previous', 'none'])
  .describe('previous (default): each level inherits the one below it; none: each level restates everything');

/** A file per track whose front matter holds topics with criteria per level (the Monzo progression framework's shape). */
const FrontMatterLevelsFormatSchema = z
  .object({
    reader: z.literal('front-matter-levels'),
    inherit: InheritSchema.optional(),
    levelNames: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .describe('Names of levels 1, 2, 3…, lowest first (e.g. [Junior, Mid, Senior]): role titles and ids use them instead of the number'),
  })
  .strict();

const FieldNameSchema = z.string().trim().min(1);

/** A ladder kept as YAML or JSON records, one per competency (the Financial Times competencies' shape). */
const DataLadderFormatSchema = z
  .object({
    reader: z.literal('data'),
    files: z
      .array(z.string().min(1))
      .min(1)
      .describe('Globs, relative to the ladder root, of the .yaml, .yml or .json files that hold the competencies'),
    fields: z
      .object({
        id: FieldNameSchema.optional().describe('The key of a competency\'s id (default id), kept as the expectation id'),
        level: FieldNameSchema.optional().describe('The key of its level, a name or a number (default level)'),
        theme: FieldNameSchema.optional().describe('The key of its section (default theme, area or competency)'),
        text: FieldNameSchema.optional().describe('The key of the expectation text (default summary, text or description)'),
        examples: FieldNameSchema.optional().describe('The key of its examples (default examples)'),
      })
      .strict()
      .optional()
      .describe('The keys a competency record uses, where they differ from the defaults'),
    levels: z
      .array(z.union([z.string().trim().min(1), z.number()]))
      .min(1)
      .optional()
      .describe('The level names (or numbers), lowest first; default: numeric order when every level is a number, else the order they first appear in'),
    inherit: InheritSchema.optional(),
  })
  .strict();

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
        z.enum(['role-per-file', 'levels-in-one-file', 'matrix', 'skill-files', 'front-matter-levels']),
        z
          .object({
            reader: z.literal('levels-in-one-file'),
            levelHeading: z.union([z.literal(2), z.literal(3)]).optional().describe('The heading depth of a level: 2 for "## Senior" (default), 3 for "### Senior"; its sections are one deeper'),
            inherit: z
              .enum(['previous', 'none'])
              .optional()
              .describe('previous (default): each level inherits the one above it in its file; none: each level restates everything'),
            levels: z
              .enum(['headings', 'bold-list'])
              .optional()
              .describe('headings (default): a heading per level; bold-list: a list whose top items are the bold level names ("* **Junior**"), the expectations nested under each'),
            prose: PROSE,
          })
          .strict(),
        z
          .object({
            reader: z.literal('matrix'),
            levels: z
              .enum(['columns', 'rows'])
              .optional()
              .describe('columns: the header row names the levels and each row is a competency; rows: the first column names the levels (the transpose); unset: decided per table by which holds level names'),
            inherit: z.enum(['previous', 'none']).optional().describe('previous (default): each level inherits the one before it in the table; none: each level restates everything'),
          })
          .strict(),
        z
          .object({
            reader: z.literal('skill-files'),
            inherit: z.enum(['previous', 'none']).optional().describe('previous (default): each level inherits the one before it; none: each level restates everything'),
            order: z
              .array(z.string().min(1))
              .min(1)
              .optional()
              .describe('The level names (as their headings read), lowest first; unset: the order the headings appear in the files'),
          })
          .strict(),
        z.object({ reader: z.literal('role-per-file'), prose: PROSE }).strict(),
        FrontMatterLevelsFormatSchema,
        DataLadderFormatSchema,
      ])
      .optional()
      .describe(
        'role-per-file (default): one role per file; levels-in-one-file: a file per track, a heading (or bold list item) per level, its sections one heading deeper; matrix: a table with a column (or row) per level and a row per competency; skill-files: a file per skill, a heading per level inside; front-matter-levels: a file per track whose front matter lists topics with criteria per level; reader: data: the ladder kept as YAML or JSON records; prose: true on role-per-file or levels-in-one-file reads paragraphs as expectations',
      ),
    assess: z
      .object({
        scale: z
          .array(z.string().trim().min(1))
          .min(2)
          .optional()
          .describe('The words of a self or manager rating in an evidence file, lowest first (default: not yet, sometimes, consistently)'),
      })
      .strict()
      .optional()
      .describe('ladder assess: how evidence is rated'),
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
    site: z
      .object({
        title: z.string().trim().min(1).optional().describe("The exported site's title; default: the intro's first heading, else \"Career ladder\""),
        intro: z.string().min(1).optional().describe('A Markdown file, relative to the ladder root, shown on the index; default: README.md'),
        tracks: z.record(z.string().min(1), z.string().trim().min(1)).optional().describe('Track name -> the name the site shows for it, e.g. { makers: Individual contributors }'),
      })
      .strict()
      .optional()
      .describe('How `ladder export --format html` presents the ladder'),
  })
  .strict();
export type LadderConfig = z.infer<typeof LadderConfigSchema>;
export type LadderFormat = NonNullable<LadderConfig['format']>;
