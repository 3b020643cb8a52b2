import { z } from 'zod';
import { WordChangeSchema } from './diff.js';
import { OrphanedEvidenceSchema } from './evidence.js';

const reaches = z
  .array(z.string())
  .describe('Ids of every role that holds the expectation through inheritance: the role it is written in, then each role that inherits it, nearest first');

export const ChangedExpectationSchema = z
  .object({
    text: z.string().describe('The list item exactly as written'),
    file: z.string().describe('The role file it is written in, at the revision that has it'),
    line: z.number().int().min(1).describe('1-based line in that file'),
    reaches,
  })
  .describe('An expectation written at one revision and not the other');
export type ChangedExpectation = z.infer<typeof ChangedExpectationSchema>;

const WrittenSchema = z.object({ text: z.string(), file: z.string(), line: z.number().int().min(1) });

export const RewordedExpectationSchema = z
  .object({
    from: WrittenSchema.describe('The expectation at the older revision'),
    to: WrittenSchema.describe('The expectation at the newer revision'),
    similarity: z.number().min(0).max(1).describe('Content-word likeness of the two texts (0–1, two decimals)'),
    changes: z.array(WordChangeSchema).describe('Word diff from the older text to the newer one'),
    reaches,
  })
  .describe('An expectation whose wording changed, paired with its older text as `ladder diff` pairs evolutions');
export type RewordedExpectation = z.infer<typeof RewordedExpectationSchema>;

export const SectionChangesSchema = z
  .object({
    title: z.string().describe('Section title at the newer revision (the older one when only it has the section)'),
    added: z.array(ChangedExpectationSchema),
    removed: z.array(ChangedExpectationSchema),
    reworded: z.array(RewordedExpectationSchema),
  })
  .describe('The changes to the expectations a role itself writes in one section, matched by title regardless of case');
export type SectionChanges = z.infer<typeof SectionChangesSchema>;

const RoleRefSchema = z.object({ id: z.string(), title: z.string() }).describe('A role, by id and title');
export type RoleRef = z.infer<typeof RoleRefSchema>;

const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

export const RoleChangesSchema = z
  .object({
    id: z.string().describe('Role id at the newer revision (the older one for a removed role)'),
    title: z.string(),
    file: z.string().describe('Role file relative to the ladder folder'),
    status: z.enum(['added', 'removed', 'renamed', 'changed']),
    renamed: z
      .object({ id: change(z.string()).optional(), title: change(z.string()).optional(), file: change(z.string()).optional() })
      .optional()
      .describe('What was renamed, for a role found at both revisions by its file, id or title'),
    parent: change(RoleRefSchema.nullable())
      .extend({ reaches })
      .optional()
      .describe('The role inherits from another role (null: none, or one that cannot be found); `reaches` lists the roles whose inherited expectations change with it'),
    level: change(z.number().int().min(1)).optional(),
    track: change(z.string()).optional(),
    sections: z.array(SectionChangesSchema).describe('Only sections with changes; every expectation of an added or removed role'),
  })
  .describe('One role that was added, removed, renamed or changed');
export type RoleChanges = z.infer<typeof RoleChangesSchema>;

const RevisionSchema = z
  .object({
    revision: z.string().nullable().describe('The revision as given; null for the working tree'),
    commit: z.string().nullable().describe('The commit it names; null for the working tree'),
  })
  .describe('One side of the comparison');

/** What changes in a ladder between two revisions: what `ladder changes --json` prints. */
export const LadderChangesSchema = z
  .object({
    from: RevisionSchema,
    to: RevisionSchema,
    summary: z.object({
      rolesAdded: z.number().int().min(0),
      rolesRemoved: z.number().int().min(0),
      rolesRenamed: z.number().int().min(0),
      rolesChanged: z.number().int().min(0).describe('Roles found at both revisions with any change, renamed ones included'),
      added: z.number().int().min(0).describe('Expectations added'),
      removed: z.number().int().min(0).describe('Expectations removed'),
      reworded: z.number().int().min(0).describe('Expectations reworded'),
      reached: z.number().int().min(0).describe('Roles whose expectations change, own or inherited'),
    }),
    roles: z.array(RoleChangesSchema).describe('Roles in file order at the newer revision, then removed roles'),
    evidence: z
      .object({ file: z.string(), orphaned: z.array(OrphanedEvidenceSchema) })
      .optional()
      .describe('With --evidence: the ids of that file each change leaves without an expectation'),
  })
  .describe('What changes in a ladder between two revisions (ladder changes --json)');
export type LadderChanges = z.infer<typeof LadderChangesSchema>;
