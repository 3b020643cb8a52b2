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
    /** Kept as the role description when the body has none (static-site generators put it here). */
    description: z.string().trim().min(1).optional(),
    /** Order keys of static-site generators: they order the levels when ladder.yaml says `levels: { order: frontmatter }`. */
    weight: z.number().optional(),
    order: z.number().optional(),
    sidebar_position: z.number().optional(),
    nav_order: z.number().optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/**
 * Keys that static-site generators (Hugo, Jekyll, Docusaurus, Gatsby, MkDocs) put in front matter and that
 * say nothing about the role: accepted and ignored quietly. Any other unknown key is still reported, so a
 * typo of a key ladder reads is caught.
 */
export const STATIC_SITE_KEYS = new Set([
  'date', 'lastmod', 'publishdate', 'expirydate', 'linktitle', 'layout', 'permalink', 'slug', 'url', 'type', 'draft',
  'tags', 'categories', 'keywords', 'summary', 'author', 'authors', 'menu', 'toc', 'hide', 'hide_title',
  'hide_table_of_contents', 'sidebar_label', 'sidebar_class_name', 'pagination_label', 'pagination_next',
  'pagination_prev', 'nav_exclude', 'has_children', 'has_toc', 'image', 'template', 'headless', 'search_exclude',
]);
