import { z } from 'zod';
import { ResolvedExpectationSchema } from './role.js';
import { LevelRoleSchema } from './steps.js';

export const MatrixCellSchema = z
  .object({
    role: z.string().describe('Id of the role (the column) the cell belongs to'),
    expectations: z.array(ResolvedExpectationSchema).describe('What the role holds in the section: its own, or with --all everything it holds, inherited first'),
  })
  .describe('One cell: a section at a level');
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

export const MatrixRowSchema = z
  .object({
    id: z.string().describe('Slug of the section title'),
    title: z.string(),
    cells: z.array(MatrixCellSchema).describe('One per level, in the order of the track\'s levels'),
  })
  .describe('One section of a track, across its levels');
export type MatrixRow = z.infer<typeof MatrixRowSchema>;

export const TrackMatrixSchema = z
  .object({
    track: z.string(),
    levels: z.array(LevelRoleSchema).describe('The columns: the roles of the track, lowest level first'),
    sections: z.array(MatrixRowSchema).describe('The rows: every section of the track, in the order first seen'),
  })
  .describe("One track's competency matrix");
export type TrackMatrix = z.infer<typeof TrackMatrixSchema>;

/** What `ladder matrix --json` prints. */
export const LadderMatrixSchema = z
  .object({
    cumulative: z.boolean().describe('true with --all: each cell holds everything the role holds in the section, inherited included'),
    tracks: z.array(TrackMatrixSchema).describe('The track that starts lowest first'),
  })
  .describe('The competency matrix: sections by levels, per track (ladder matrix --json)');
export type LadderMatrix = z.infer<typeof LadderMatrixSchema>;
