import { z } from 'zod';
import { ResolvedExpectationSchema } from './role.js';

/** One run of a word diff, as the `diff` package reports it: common text, or words added or removed. */
export const WordChangeSchema = z
  .object({
    value: z.string().describe('The text of the run, with its spaces'),
    added: z.literal(true).optional().describe('Present when the run is only in the newer expectation'),
    removed: z.literal(true).optional().describe('Present when the run is only in the older expectation'),
  })
  .describe('A run of words common to both texts, added, or removed');
export type WordChange = z.infer<typeof WordChangeSchema>;

/** The lower-level expectation an added one sharpens, with the words that changed from it to the new one. */
export const EvolutionSchema = ResolvedExpectationSchema.extend({
  similarity: z.number().min(0).max(1).describe('Content-word likeness of the two texts (0–1, two decimals)'),
  changes: z.array(WordChangeSchema).describe('Word diff from this text to the added one; joining the non-added values gives this text'),
}).describe('The expectation of the source role that the added one is a sharper version of');
export type Evolution = z.infer<typeof EvolutionSchema>;

export const DiffExpectationSchema = ResolvedExpectationSchema.extend({
  evolvesFrom: EvolutionSchema.optional(),
}).describe('An expectation the target role has and the source role lacks');
export type DiffExpectation = z.infer<typeof DiffExpectationSchema>;

export const DiffSectionSchema = z
  .object({
    title: z.string().describe('Section title as the target role has it (the source role\'s when only it has the section)'),
    added: z.array(DiffExpectationSchema).describe('Expectations of the target role the source role lacks, in the target\'s order'),
    removed: z.array(ResolvedExpectationSchema).describe('Expectations of the source role the target role lacks'),
    kept: z.number().int().min(0).describe('How many expectations both roles hold'),
    keptExpectations: z.array(ResolvedExpectationSchema).optional().describe('The kept expectations themselves (only with --all)'),
  })
  .describe('One section, matched between the two roles by title regardless of case');
export type DiffSection = z.infer<typeof DiffSectionSchema>;

export const DiffRoleSchema = z
  .object({ id: z.string(), title: z.string(), level: z.number().int().min(1), track: z.string() })
  .describe('One of the two roles compared');
export type DiffRole = z.infer<typeof DiffRoleSchema>;

/** What changes from one role to another: what `ladder diff <from> <to> --json` prints. */
export const RoleDiffSchema = z
  .object({
    from: DiffRoleSchema,
    to: DiffRoleSchema,
    summary: z.object({
      added: z.number().int().min(0),
      removed: z.number().int().min(0),
      kept: z.number().int().min(0),
      evolved: z.number().int().min(0).describe('How many of the added expectations evolve from one the source role holds'),
    }),
    sections: z.array(DiffSectionSchema).describe('Sections of the target role in its order, then those only the source role has'),
  })
  .describe('What changes from one role to another (ladder diff <from> <to> --json)');
export type RoleDiff = z.infer<typeof RoleDiffSchema>;
