import { z } from 'zod';

/** Where a query word was found in `text`: UTF-16 offsets, end exclusive. */
export const SearchMatchSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type SearchMatch = z.infer<typeof SearchMatchSchema>;

export const SearchHitSchema = z.object({
  /** The role searched: the source role itself by default, the `--role` role with `--role`. */
  role: z.string(),
  /** Section title; "Role description" for descriptions. */
  section: z.string(),
  /** The role whose file holds the text. */
  source: z.string(),
  /** `file:line` is where the text is written (the source role's file). */
  file: z.string(),
  line: z.number().int(),
  text: z.string(),
  kind: z.enum(['expectation', 'description']),
  /** Every role that holds the text: its source and, for an expectation, each role that inherits it. */
  roles: z.array(z.string()),
  matches: z.array(SearchMatchSchema),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** `ladder search --json`. */
export const SearchResultSchema = z.object({
  query: z.string(),
  hits: z.array(SearchHitSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
