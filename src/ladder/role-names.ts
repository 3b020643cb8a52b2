import { withFolderIds } from '../graph/build-graph.js';
import { readLadderConfig } from '../load/config.js';
import { readRoleHeads } from '../load/role-heads.js';
import { slug } from '../text/slug.js';

/**
 * The ids and aliases of a ladder's roles, for shell completion: named by the loader's cheap path
 * (`readRoleHeads`) and, where a file name is used in several folders, given folder ids as the graph
 * gives them. Only names the loader accepts are offered: a candidate is typed into a shell, so a front
 * matter `id: "$(rm -rf ~)"` must never reach it (the loader drops such an id and uses the file name's).
 */
export async function roleNames(root: string): Promise<string[]> {
  const names = new Set<string>();
  for (const { id, aliases } of withFolderIds(await readRoleHeads(root, await ignoredGlobs(root)))) {
    names.add(id);
    for (const alias of aliases) names.add(slug(alias));
  }
  return [...names].filter((name) => name.length > 0);
}

/** `ladder.yaml`'s ignore globs; a broken ladder.yaml must not break completion, so then none. */
async function ignoredGlobs(root: string): Promise<string[]> {
  try {
    return (await readLadderConfig(root)).ignore ?? [];
  } catch {
    return [];
  }
}
