import { z } from 'zod';

export const ResolvedExpectationSchema = z
  .object({
    /** Stable: `<source role>/<section slug>/<hash>`, the hash of the text normalised (see src/resolve/expectation-id.ts). */
    id: z
      .string()
      .describe(
        'Stable id `<source role>/<section slug>/<hash>`: 8 hex digits of the text with case, accents, spacing and final punctuation ignored, `-2`, `-3`… for repeats in one section. The same in every role that inherits the expectation and when bullets are reordered; rewording the text changes it. A ladder kept as data keeps its own competency id instead',
      ),
    text: z.string().describe('The list item exactly as written in the source file (inline Markdown kept)'),
    /** The id of the role whose file holds this expectation. */
    source: z.string().describe('Id of the role whose file holds this expectation; the role\'s own id when it is its own'),
    line: z.number().int().min(1).describe('1-based line of the item in the source role file'),
    file: z.string().optional().describe("The file the item is written in, where it is not the source role's file (a level read from several skill files)"),
    subsection: z.string().optional().describe('The `####` heading the item sits under inside its section, where there is one'),
    parent: z.string().optional().describe('For a nested bullet: the id of the expectation it sits under'),
    examples: z.array(z.string()).optional().describe('Examples of the expectation, as written, shown with it'),
  })
  .describe('One expectation, own or inherited');
export type ResolvedExpectation = z.infer<typeof ResolvedExpectationSchema>;

export const ResolvedSectionSchema = z
  .object({
    id: z.string().describe('Slug of the section title; sections of the same slug merge across the chain'),
    title: z.string().describe('The section title as first written in the chain (root first)'),
    expectations: z.array(ResolvedExpectationSchema).describe('Root role first, down to the role itself'),
    examples: z
      .array(z.object({ text: z.string(), source: z.string().describe('Id of the role whose file gives the example') }))
      .optional()
      .describe('Examples of the section as a whole, root role first (a level\'s examples for a topic, in ladders kept as data)'),
  })
  .describe('A `### Section` of the role, with the expectations of every role in its chain');
export type ResolvedSection = z.infer<typeof ResolvedSectionSchema>;

export const RoleSummarySchema = z
  .object({
    id: z.string().describe('Role id: the file name without `.md` as a slug, or `id` from front matter'),
    title: z.string().describe('The role title, from the file heading or front matter'),
    track: z.string().describe('Track: front matter `track`, else the top folder, else `default`'),
    level: z.number().int().min(1).describe('1 for a role with no parent, its parent level + 1 otherwise, unless front matter sets it'),
    inherits: z.string().nullable().describe('Id of the parent role; null at the top of a chain'),
    file: z.string().describe('Path of the role file relative to the ladder folder, with `/` separators'),
  })
  .describe('A role without its expectations');
export type RoleSummary = z.infer<typeof RoleSummarySchema>;

/** A role with every inherited expectation flattened in: what `show --json` prints. */
export const ResolvedRoleSchema = RoleSummarySchema.extend({
  aliases: z.array(z.string()).describe('Other names the role answers to (front matter `aliases`)'),
  /** Self first, then parent, up to the root. */
  chain: z.array(z.string()).describe('Role ids from the role itself, then its parent, up to the root'),
  description: z.string().describe('The text under `### Role description`; empty when there is none'),
  sections: z.array(ResolvedSectionSchema).describe('Sections in the order they are first seen, root role first'),
}).describe('A role with every inherited expectation flattened in (ladder show --json)');
export type ResolvedRole = z.infer<typeof ResolvedRoleSchema>;

export const RoleListSchema = z
  .object({ roles: z.array(RoleSummarySchema).describe('Every role, in file order') })
  .describe('The roles of a ladder (ladder list --json)');
export type RoleList = z.infer<typeof RoleListSchema>;
