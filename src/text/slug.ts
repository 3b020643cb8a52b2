import { fold } from './fold.js';

/**
 * Names are compared as slugs: folded, runs of anything else than letters and digits turned into one
 * `-`. So `Ingeniera Sénior.md`, `ingeniera senior` and `INGENIERA-SENIOR` all meet.
 */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a section title is one of the names asked for (`--section`): the name or its start, as slugs. */
export function sectionMatches(title: string, names: string[]): boolean {
  const id = slug(title);
  return names.some((name) => id.startsWith(slug(name)));
}
