import { z } from 'zod';
import { FrontMatterSchema } from './front-matter.js';

/** A place in a file: 1-based line and column, as editors and CI annotations count them. */
export const PositionSchema = z.object({ line: z.number().int(), column: z.number().int() });
export type Position = z.infer<typeof PositionSchema>;

/** A link, image or link definition as written in a Markdown file, with where it starts. */
export const MarkdownLinkSchema = z.object({ url: z.string(), line: z.number().int(), column: z.number().int() });
export type MarkdownLink = z.infer<typeof MarkdownLinkSchema>;

/**
 * Every kind of problem the loader and the graph report. Each is reported by exactly one lint rule (the
 * rule registry fails to compile otherwise), so a new code cannot vanish from lint.
 */
export const PROBLEM_CODES = [
  'unreadable',
  'encoding',
  'front-matter',
  'missing-title',
  'unrecognised-parent-line',
  'unused-inherits-pattern',
  'duplicate-id',
  'duplicate-title',
  'unknown-parent',
  'ambiguous-parent',
  'unknown-track-start',
  'level-order',
  'self-parent',
  'cycle',
  'unread-part',
  'data',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Something wrong with a file that the loader or the graph noticed; lint turns these into findings. */
export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  message: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  /** For a name that matches several roles: their ids, so tools can offer the choice. */
  candidates: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ParsedExpectationSchema = z.object({
  /** The item's text exactly as written (inline Markdown kept), trimmed. */
  text: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  /** Written as a paragraph (a prose ladder), not a list item: rules about bullets leave it alone. */
  paragraph: z.boolean().optional(),
  /** The `####` heading it sits under inside its section, if any. */
  subsection: z.string().optional(),
  /** For a nested bullet: the index, in the same list, of the item it sits under. */
  parent: z.number().int().optional(),
  /** The file it is written in, when not its role's (a level read from several skill files). */
  file: z.string().optional(),
  /** Why its text cannot be rewritten in place by `--fix` ("a table cell"), where it cannot. */
  notFixable: z.string().optional(),
  /** Examples of the expectation, as written, shown with it. */
  examples: z.array(z.string()).optional(),
  /** An id the ladder gives the expectation itself (a data ladder's competency id): kept as its id instead of a hash. */
  id: z.string().optional(),
});
export type ParsedExpectation = z.infer<typeof ParsedExpectationSchema>;

export const ParsedSectionSchema = z.object({
  title: z.string(),
  line: z.number().int(),
  /** The file its heading is in, when not its role's (a level read from several skill files). */
  file: z.string().optional(),
  expectations: z.array(ParsedExpectationSchema),
  /** Examples of the section as a whole at this role (a level's examples for a topic in front matter), as written. */
  examples: z.array(z.string()).optional(),
});
export type ParsedSection = z.infer<typeof ParsedSectionSchema>;

/** How a role names its parent, as written in the file. */
export const ParentRefSchema = z.object({
  /** A title, id or alias, or the target of a Markdown link (`link` is then set). */
  name: z.string(),
  /**
   * Every role the line names, in order, when it names more than one ("Same as L1, L2, but also..."):
   * the graph takes the highest of them, since it holds the others. Unset for a single name.
   */
  names: z.array(z.string()).optional(),
  link: z.string().optional(),
  article: z.string().optional(),
  line: z.number().int(),
  column: z.number().int(),
});
export type ParentRef = z.infer<typeof ParentRefSchema>;

/** One role file as the loader read it: no knowledge yet of other roles. */
export const ParsedRoleSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleLine: z.number().int(),
  /** Path relative to the ladder folder, with `/` separators. */
  file: z.string(),
  track: z.string(),
  /** A level set in front matter, overriding the derived one. */
  declaredLevel: z.number().int().optional(),
  aliases: z.array(z.string()),
  parent: ParentRefSchema.nullable(),
  description: z.string(),
  descriptionLine: z.number().int().optional(),
  sections: z.array(ParsedSectionSchema),
  /**
   * Short paragraphs between the title and the first section that no phrasing read as a parent line, when
   * none did: one that names another role of the ladder may be a parent line in words of its own, which
   * the graph reports rather than leave the role silently without a parent.
   */
  shortLines: z.array(z.object({ text: z.string(), line: z.number().int(), column: z.number().int() })).optional(),
  /** List items that come before any `###` section. */
  strayExpectations: z.array(ParsedExpectationSchema),
  frontMatter: FrontMatterSchema.optional(),
});
export type ParsedRole = z.infer<typeof ParsedRoleSchema>;

/** A role without its expectations: what placing it in the ladder needs, and all `list` loads (`LoadOptions.outline`). */
export type RolePlace = Omit<ParsedRole, 'sections' | 'strayExpectations'>;
