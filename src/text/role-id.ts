import { slug } from './slug.js';

/**
 * What a role id may be: letters, digits, `_` and inner single `-`. An id names exported files and is typed
 * on the command line, so it can never hold a dot or a space; only the ladder joins plain ids with `/`
 * (`backend/senior`) when one file name is used in several folders. Kept free of zod so the
 * loader can use it without loading the schema library.
 */
export const PLAIN_ID = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*$/u;

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
