import { z } from 'zod';
import { DiffRoleSchema } from './diff.js';

export const HealthThresholdsSchema = z
  .object({
    minStep: z.number().int().min(0).describe('A step adding fewer new expectations than this is thin'),
    minRatio: z.number().min(0).max(1).describe("A step adding fewer than this share of its track's median step is thin"),
  })
  .describe('The thresholds used, from ladder.yaml `health:` or the defaults');
export type HealthThresholds = z.infer<typeof HealthThresholdsSchema>;

export const StepSectionSchema = z
  .object({
    title: z.string().describe('Section title as the promoted role has it'),
    added: z.number().int().min(1).describe('New expectations in this section'),
    evolved: z.number().int().min(0).describe('How many of them sharpen an expectation the parent holds'),
  })
  .describe('The new expectations of a step in one section');
export type StepSection = z.infer<typeof StepSectionSchema>;

export const HealthFlagSchema = z.enum(['thin', 'mostly-reworded']);
export type HealthFlag = z.infer<typeof HealthFlagSchema>;

export const HealthStepSchema = z
  .object({
    from: DiffRoleSchema.describe('The parent role'),
    to: DiffRoleSchema.describe('The role that inherits from it'),
    track: z.string().describe("The track the step is measured in: the inheriting role's, also for a step across tracks"),
    crossTrack: z.boolean().describe('The two roles are in different tracks (an Engineering Manager inheriting a Senior Engineer)'),
    added: z.number().int().min(0).describe('New expectations: the role\'s own, less those that repeat or restate an inherited one (add nothing it lacks)'),
    evolved: z.number().int().min(0).describe('How many new expectations sharpen one the parent holds, paired as `ladder diff` pairs them'),
    sections: z.array(StepSectionSchema).describe('Sections that gain expectations, in the role\'s order'),
    median: z.number().min(0).describe("The median number of new expectations of the track's steps"),
    ratio: z.number().min(0).nullable().describe('added ÷ median, two decimals; null when the median is 0'),
    flags: z
      .array(HealthFlagSchema)
      .describe('thin: fewer new expectations than minStep or than minRatio × median; mostly-reworded: half or more of them sharpen (reword) inherited ones'),
  })
  .describe('One promotion step: an inheritance edge from a parent role to the role that inherits it');
export type HealthStep = z.infer<typeof HealthStepSchema>;

export const NeverGrowingSchema = z
  .object({
    track: z.string(),
    section: z.string().describe('Section title as the root of the track writes it'),
    root: z.string().describe('Id of the role the track starts with, which writes the section'),
    roles: z.array(z.string()).describe('Ids of the roles of the track after the root, none of which adds to the section'),
  })
  .describe('A section the first role of a track writes and no later role of the track adds to');
export type NeverGrowing = z.infer<typeof NeverGrowingSchema>;

export const ParityGapSchema = z
  .object({
    level: z.number().int().min(1),
    section: z.string().describe('Section title, as the first role at this level that adds to it writes it'),
    has: z.array(z.string()).describe('Ids of the roles at this level that add expectations to the section'),
    lacks: z
      .array(z.string())
      .describe('Ids of the roles at this level, in another track that also uses the section, that add none to it'),
  })
  .describe('A section that one track grows at a level and another track, which also uses it, does not: information, never a flag');
export type ParityGap = z.infer<typeof ParityGapSchema>;

/** `ladder health --json`. */
export const LadderHealthSchema = z
  .object({
    thresholds: HealthThresholdsSchema,
    steps: z.array(HealthStepSchema).describe('Every step whose roles resolve, by track (as first seen), level, then id'),
    neverGrowing: z.array(NeverGrowingSchema),
    parity: z.array(ParityGapSchema).describe('Sections two tracks share that, at some level, one adds to and the other does not; by level'),
    summary: z.object({
      steps: z.number().int().min(0),
      thin: z.number().int().min(0).describe('Steps flagged thin'),
      mostlyReworded: z.number().int().min(0).describe('Steps flagged mostly-reworded'),
      neverGrowing: z.number().int().min(0).describe('Sections that never grow'),
    }),
  })
  .describe('The size of every promotion step, and what looks thin (ladder health --json)');
export type LadderHealth = z.infer<typeof LadderHealthSchema>;
