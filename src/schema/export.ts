import { z } from 'zod';
import { ResolvedRoleSchema } from './role.js';

/** `ladder export --format json|yaml`: every role, resolved, with where it came from. */
export const LadderExportSchema = z.object({
  /** The version of ladder that wrote the file. */
  version: z.string(),
  /** The ladder folder the roles were read from. */
  generatedFrom: z.string(),
  roles: z.array(ResolvedRoleSchema),
});
export type LadderExport = z.infer<typeof LadderExportSchema>;
