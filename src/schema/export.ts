import { z } from 'zod';
import { ResolvedRoleSchema } from './role.js';

/** `ladder export --format json|yaml`: every role, resolved, with where it came from. */
export const LadderExportSchema = z
  .object({
    version: z.string().describe('The version of ladder that wrote the file'),
    generatedFrom: z
      .string()
      .describe('The ladder folder the roles were read from: relative to where ladder ran, or absolute when outside it'),
    roles: z
      .array(ResolvedRoleSchema)
      .describe('Every role whose inheritance chain is intact, resolved as by `ladder show --json`, in file order'),
  })
  .describe('A whole ladder, every role resolved (ladder export --format json|yaml)');
export type LadderExport = z.infer<typeof LadderExportSchema>;
