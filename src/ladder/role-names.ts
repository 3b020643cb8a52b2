import { closeSync, openSync, readSync } from 'node:fs';
import { readLadderConfig } from '../load/config.js';
import { listRoleFiles } from '../load/files.js';
import { notIgnored } from '../load/load-ladder.js';
import { splitFrontMatter } from '../load/front-matter.js';
import { fileRoleId, folderRoleId, PLAIN_ID } from '../text/role-id.js';
import { slug } from '../text/slug.js';

/** Front matter is at the top of a file: this much is read to find it, never the whole role. */
const HEAD_BYTES = 4096;

/**
 * The ids and aliases of a ladder's roles, for shell completion, without parsing any Markdown: an id is
 * the file name's slug unless front matter sets `id`, or the file's folder id when that name is used in
 * several folders (as the graph names them). YAML is loaded only when a file has front matter.
 * Cheaper than `loadLadder` by design, so a file without a title (not a role) still lists its name.
 * Only names the loader would accept are offered: a candidate is typed into a shell, so a front matter
 * `id: "$(rm -rf ~)"` must never reach it (the loader drops such an id and uses the file name's).
 */
export async function roleNames(root: string): Promise<string[]> {
  const roles: { file: string; id: string; fromFile: boolean; aliases: string[] }[] = [];
  for (const { path, file } of await notIgnored(listRoleFiles(root).files, await ignoredGlobs(root))) {
    const front = readHead(path);
    const yaml = front === null ? null : splitFrontMatter(front.replace(/\r\n?/g, '\n')).yaml;
    const { id, aliases } = yaml === null ? { aliases: [] } : await idAndAliases(yaml);
    roles.push({ file, id: id ?? fileRoleId(file), fromFile: id === undefined, aliases });
  }
  const count = new Map<string, number>();
  for (const { id } of roles) count.set(id, (count.get(id) ?? 0) + 1);
  const names = new Set<string>();
  for (const { file, id, fromFile, aliases } of roles) {
    names.add(fromFile && count.get(id)! > 1 ? folderRoleId(file) : id);
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

/** The first bytes of a file when it opens with a front matter fence, else null. */
function readHead(path: string): string | null {
  const buffer = Buffer.alloc(HEAD_BYTES);
  let fd;
  try {
    fd = openSync(path, 'r');
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '');
    return head.startsWith('---') ? head : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function idAndAliases(yamlText: string): Promise<{ id?: string; aliases: string[] }> {
  const { parse } = await import('yaml');
  try {
    const data = parse(yamlText) as { id?: unknown; aliases?: unknown } | null;
    // The same checks as FrontMatterSchema (without loading zod): a bad id or alias list is dropped whole.
    const id = typeof data?.id === 'string' && PLAIN_ID.test(data.id) ? data.id : undefined;
    const valid = Array.isArray(data?.aliases) && data.aliases.every((a) => typeof a === 'string' && a.trim().length > 0);
    return { id, aliases: valid ? (data!.aliases as string[]) : [] };
  } catch {
    return { aliases: [] };
  }
}
