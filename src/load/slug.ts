import { PLAIN_ID } from '../schema/role-id.js';

/** Lowercase without accents, so "senior" meets "Sénior": how names, searches and word sets compare text. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * Names are compared as slugs: folded, runs of anything else than letters and digits turned into one
 * `-`. So `Ingeniera Sénior.md`, `ingeniera senior` and `INGENIERA-SENIOR` all meet.
 */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A role's id when front matter sets none: the file name without folders and `.md`, as written
 * (`engineering_manager` stays so, as teams refer to it), or its slug when the name is not plain
 * (`Ingeniera Sénior` → `ingeniera-senior`). Lookups compare slugs, so `engineering-manager` still finds it.
 */
export function fileRoleId(file: string): string {
  const name = file.split('/').pop()!.replace(/\.md$/i, '');
  return plainOrSlug(name);
}

/**
 * The id of a role whose file name is also used in another folder (`backend/senior.md` and
 * `frontend/senior.md`, common in ladders with several tracks): its path without `.md`, each part written
 * as `fileRoleId` writes a name (`backend/senior`). Only clashing names get it, so other ids never change.
 */
export function folderRoleId(file: string): string {
  return file.replace(/\.md$/i, '').split('/').map(plainOrSlug).join('/');
}

/**
 * A file name for a role's exported page: the id, with the `/` of a folder id (`backend/senior`) written
 * as `--` so an export never makes subfolders. A plain id never holds `--`, so two roles never share one.
 */
export function roleFileName(id: string): string {
  return id.replaceAll('/', '--');
}

function plainOrSlug(name: string): string {
  return PLAIN_ID.test(name) ? name : slug(name);
}

/** Whether a section title is one of the names asked for (`--section`): the name or its start, as slugs. */
export function sectionMatches(title: string, names: string[]): boolean {
  const id = slug(title);
  return names.some((name) => id.startsWith(slug(name)));
}
