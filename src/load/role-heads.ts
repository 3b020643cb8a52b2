import type { ParsedRole } from '../schema/parsed.js';
import { fileRoleId } from '../text/role-id.js';
import { readFileHead } from './file-head.js';
import { listRoleFiles } from './files.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import { notIgnored } from './load-ladder.js';

/** What the top of a role file says of the role: enough to name it. */
export type RoleHead = Pick<ParsedRole, 'id' | 'file' | 'aliases' | 'frontMatter'>;

/**
 * The loader's cheap path, for shell completion: the files `loadLadder` would read, each named as it
 * names the role (front matter read by the same `readFrontMatter`, so an id or alias it refuses is
 * refused here too), without reading whole files or parsing Markdown. A file without a title, which the
 * full load would not take as a role, is still named: completion would rather offer one name too many.
 */
export async function readRoleHeads(root: string, ignore: string[] = []): Promise<RoleHead[]> {
  const heads: RoleHead[] = [];
  for (const { path, file } of await notIgnored(listRoleFiles(root).files, ignore)) {
    // As the loader does: line endings normalised before the front matter is split off.
    const { yaml } = splitFrontMatter(readFileHead(path).replace(/\r\n?/g, '\n'));
    const frontMatter = yaml === null ? undefined : (await readFrontMatter(yaml, file)).frontMatter;
    heads.push({ id: frontMatter?.id ?? fileRoleId(file), file, aliases: frontMatter?.aliases ?? [], frontMatter });
  }
  return heads;
}
