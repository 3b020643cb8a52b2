import { z } from 'zod';

/**
 * One piece of evidence for one expectation, as people write it in an evidence file. A rating is a word of
 * the ladder's scale (`assess: { scale: [...] }` in ladder.yaml); one not on it is reported, not refused,
 * so a typo never hides the rest of the file.
 */
export const EvidenceItemSchema = z
  .object({
    link: z.string().optional().describe('Where the work can be seen: a pull request, a design doc, a ticket (http(s) or a relative path)'),
    note: z.string().optional().describe('What was done and why it shows the expectation, in your own words'),
    date: z.string().optional().describe('When, as YYYY-MM-DD or any text'),
    self: z.string().optional().describe('Your own rating, a word of the ladder\'s scale'),
    manager: z.string().optional().describe('Your manager\'s rating, a word of the ladder\'s scale'),
  })
  .strict()
  .describe('One piece of evidence: a link and/or a note, optionally dated and rated');
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

/** A plain string is a note: the shortest thing a person can write under an id. */
const EvidenceEntrySchema = z.union([z.null(), z.string(), EvidenceItemSchema, z.array(z.union([z.string(), EvidenceItemSchema]))]);

/** The YAML evidence file (`ladder assess --template` writes one). Unknown keys are errors, never ignored. */
export const EvidenceFileSchema = z
  .object({
    role: z.string().optional().describe('The role you hold now (id, title or alias)'),
    target: z.string().optional().describe('The role you are aiming for; default: the next level up from `role` in its track'),
    evidence: z
      .record(z.string(), EvidenceEntrySchema)
      .optional()
      .describe('Expectation id (as `ladder show --json` gives it) → evidence: one item, a list of items, a note as plain text, or [] for none yet'),
  })
  .strict()
  .describe('Evidence gathered against the expectations of a role (ladder assess --evidence)');
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

const RoleRefSchema = z.object({ id: z.string(), title: z.string() });

const AssessedExpectationSchema = z.object({
  id: z.string().describe('Stable expectation id'),
  text: z.string().describe('The expectation as written'),
  source: z.string().describe('Id of the role whose file holds it'),
  evidence: z.array(EvidenceItemSchema).describe('Its evidence; empty: part of the gap'),
});

const OrphanSchema = z
  .object({
    id: z.string().describe('The id in the evidence file, which no expectation of the target has'),
    line: z.number().int().min(1).describe('Its line in the evidence file'),
    text: z.string().nullable().describe('The expectation text the file records beside the id (the comment or heading above it); null when none'),
    items: z.number().int().min(0).describe('How many pieces of evidence hang on it'),
    closest: z
      .object({ id: z.string(), text: z.string(), similarity: z.number().min(0).max(1) })
      .nullable()
      .describe('The most similar expectation of the target that has no evidence yet; null when there is no text to compare'),
    movable: z.boolean().describe('Whether --fix moves the evidence to `closest` (likeness at or above the threshold)'),
  })
  .describe('Evidence whose id the target no longer has, usually because the expectation was reworded');

const RatingProblemSchema = z.object({
  id: z.string(),
  line: z.number().int().min(1),
  who: z.enum(['self', 'manager']),
  rating: z.string(),
});

/** What `ladder assess --json` prints. Counts only: no score. */
export const AssessReportSchema = z
  .object({
    role: RoleRefSchema.nullable().describe('The role held now, where known'),
    target: RoleRefSchema.describe('The role the evidence is gathered against'),
    evidenceFile: z.string().describe('The evidence file as given'),
    scale: z.array(z.string()).describe('The rating scale, lowest first'),
    summary: z.object({
      expectations: z.number().int().min(0),
      withEvidence: z.number().int().min(0),
      gap: z.number().int().min(0).describe('Expectations of the target with no evidence'),
      orphaned: z.number().int().min(0),
      ratingProblems: z.number().int().min(0),
    }),
    sections: z.array(z.object({ id: z.string(), title: z.string(), expectations: z.array(AssessedExpectationSchema) })),
    orphans: z.array(OrphanSchema),
    ratingProblems: z.array(RatingProblemSchema).describe('Ratings that are not a word of the scale'),
  })
  .describe('Which expectations of a target role have evidence and which do not (ladder assess --json)');
export type AssessReport = z.infer<typeof AssessReportSchema>;
export type Orphan = z.infer<typeof OrphanSchema>;

/** One evidence id that a change between two revisions leaves pointing at nothing (ladder changes --evidence). */
export const OrphanedEvidenceSchema = z
  .object({
    id: z.string().describe('The evidence id, an expectation id at the older revision'),
    change: z
      .enum(['reworded', 'removed', 'renamed'])
      .describe('reworded: its text changed; removed: it is gone; renamed: the same text under a new id (its role or section was renamed or it moved)'),
    role: z.string().describe('Id, at the older revision, of the role whose file held it'),
    text: z.string().describe('Its text at the older revision'),
    to: z
      .object({ id: z.string(), text: z.string() })
      .nullable()
      .describe('What it became at the newer revision (null when removed): `ladder assess --fix` moves evidence there'),
  })
  .describe('Evidence a change orphans');
export type OrphanedEvidence = z.infer<typeof OrphanedEvidenceSchema>;
