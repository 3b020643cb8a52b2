/**
 * Names are compared as slugs: lowercase, accents removed, runs of anything else than letters and digits
 * turned into one `-`. So `Ingeniera Sénior.md`, `ingeniera senior` and `INGENIERA-SENIOR` all meet.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
