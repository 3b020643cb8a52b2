import { z } from 'zod';
import { NewSectionSchema } from './role-new.js';

/** A role as a row of a track's table (steps) or a column of its matrix. */
export const LevelRoleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    track: z.string(),
    level: z.number().int().min(1),
    file: z.string().describe('Path of the role file relative to the ladder folder'),
    parent: z
      .object({ id: z.string(), title: z.string(), track: z.string() })
      .nullable()
      .describe('The role it inherits from (named because a track may branch, or start from another track); null at the top of a chain'),
  })
  .describe('One level of a track: a role, with the role it builds on');
export type LevelRole = z.infer<typeof LevelRoleSchema>;

export const SectionHeadSchema = z.object({ id: z.string().describe('Slug of the section title'), title: z.string() }).describe('A section, as a column or row heading');
export type SectionHead = z.infer<typeof SectionHeadSchema>;

export const LevelStepSchema = LevelRoleSchema.extend({
  summary: z
    .object({
      new: z.number().int().min(0).describe('Expectations the level adds over its parent (as ladder show --new counts them)'),
      evolved: z.number().int().min(0).describe('How many of them sharpen one the parent holds'),
    })
    .describe('Counts over the level'),
  sections: z.array(NewSectionSchema).describe('Only sections in which the level adds something, in the role\'s order'),
}).describe('What one level adds over the role it inherits from');
export type LevelStep = z.infer<typeof LevelStepSchema>;

export const TrackStepsSchema = z
  .object({
    track: z.string(),
    sections: z.array(SectionHeadSchema).describe('Every section any level of the track adds to, in the order first seen: the columns of the table'),
    levels: z.array(LevelStepSchema).describe('The roles of the track, lowest level first; roles at one level (a branching track) in file order'),
  })
  .describe("One track's progression, level by level");
export type TrackSteps = z.infer<typeof TrackStepsSchema>;

/** What `ladder steps --json` prints. */
export const LadderStepsSchema = z
  .object({ tracks: z.array(TrackStepsSchema).describe('The track that starts lowest first') })
  .describe('What each level of each track adds over the one before it (ladder steps --json)');
export type LadderSteps = z.infer<typeof LadderStepsSchema>;
