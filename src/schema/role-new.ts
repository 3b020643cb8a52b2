import { z } from 'zod';
import { DiffExpectationSchema } from './diff.js';
import { RoleSummarySchema } from './role.js';

export const NewSectionSchema = z
  .object({
    id: z.string().describe('Slug of the section title, as in ladder show --json'),
    title: z.string(),
    expectations: z.array(DiffExpectationSchema).describe('The new expectations, in the role\'s order; `evolvesFrom` is what an evolved one sharpens'),
  })
  .describe('A section in which the role adds expectations');
export type NewSection = z.infer<typeof NewSectionSchema>;

/** What distinguishes a role from its parent: what `ladder show <role> --new --json` prints. */
export const RoleNewSchema = RoleSummarySchema.extend({
  parent: z.object({ id: z.string(), title: z.string() }).nullable().describe('The role it is compared with; null for a role at the top of its chain, whose expectations are all new'),
  summary: z
    .object({
      new: z.number().int().min(0).describe('The role\'s own expectations, less repeats of inherited ones'),
      evolved: z.number().int().min(0).describe('How many new expectations sharpen one the parent holds'),
      repeats: z.number().int().min(0).describe('Own expectations left out because they repeat or restate an inherited one (add nothing it lacks)'),
    })
    .describe('Counts over the whole role, also when --section shows only some of its sections'),
  sections: z.array(NewSectionSchema).describe('Only sections with new expectations, in the role\'s order'),
}).describe("What a role adds to its parent: its own expectations, evolved ones paired with what they sharpen (ladder show --new --json)");
export type RoleNew = z.infer<typeof RoleNewSchema>;
