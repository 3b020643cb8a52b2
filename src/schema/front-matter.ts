import { z } from 'zod';
import { PLAIN_ID } from '../text/role-id.js';

/** A role id names exported files: it must never name a path outside the ladder. */
export const RoleIdSchema = z.string().min(1).regex(PLAIN_ID, 'must be a plain name: letters, digits, "_" and single dashes');

/** Optional YAML front matter at the top of a role file. Unknown keys are an error, not silently dropped. */
export const FrontMatterSchema = z
  .object({
    id: RoleIdSchema.optional(),
    title: z.string().trim().min(1).optional(),
    track: z.string().trim().min(1).optional(),
    level: z.number().int().min(1).optional(),
    aliases: z.array(z.string().trim().min(1)).optional(),
    inherits: z.string().trim().min(1).nullable().optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
