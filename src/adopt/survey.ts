import { posix } from 'node:path';
import { readLadderConfig } from '../load/config.js';
import { loadLadder, notIgnored, type LoadedLadder, type LoadOptions } from '../load/load-ladder.js';
import type { LadderConfig, LadderFormat } from '../schema/config.js';
import type { LadderSurvey, NotARole, ParentNote } from '../schema/survey.js';
import { slug } from '../text/slug.js';
import { buildGraph, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import { lookalikes } from '../graph/find-role.js';
import { leftOutFolders } from '../ladder/open-ladder.js';
import { levelShape } from './level-shape.js';
import { boldListShape, levelsInFileShape } from './levels-in-file-shape.js';
import { dataShape } from './data-shape.js';
import { frontMatterLevelsShape } from './front-matter-levels-shape.js';
import { matrixShape } from './matrix-shape.js';
import { proseShape } from './prose-shape.js';
import { skillFilesShape } from './skill-files-shape.js';

/** Words in a file name or title that mark an old copy kept for history. */
const DEPRECATED = /deprecated|obsolete|archived?|legacy/i;
/** Words of a file name or title that mark a page listing roles rather than being one. */
const OVERVIEW_WORDS = new Set(['path', 'paths', 'overview', 'index', 'track', 'tracks', 'levels', 'ladder', 'career']);
/** Titles of people-management roles, where a management track branches off an engineering line. */
const MANAGEMENT = /\b(manager|director|head|vp|vice president|chief|cto)\b/i;

/**
 * Looks at a ladder folder as it is and works out the `ladder.yaml` that would let the tool read it:
 * which files are not roles (deprecated copies, overview pages), which loose or ambiguous parent names
 * need an alias, and which roles cannot be placed at all. Then checks the proposal by linking the roles
 * again under it. Reads files, never writes.
 */
export async function surveyLadder(root: string, options: Pick<LoadOptions, 'cache'> = {}): Promise<LadderSurvey> {
  const existing = await readLadderConfig(root);
  // The folders ladder leaves out without a ladder.yaml (a docs/ folder) must stay out once one is written.
  const leftOut = leftOutFolders(root);
  // Phrasings are how parents are found at all, so an existing ladder.yaml's count; its ignore and aliases are re-derived.
  // Texts are kept: the shapes below look at files as written.
  const asIs = await loadLadder(root, { ...options, texts: true, config: { inherits: existing.inherits, format: existing.format } });
  // A ladder kept as data (YAML or JSON records, or levels in front matter) is read by its own reader.
  const dataSeen = existing.format === undefined ? await dataShape(root, [...(existing.ignore ?? []), ...leftOut]) : undefined;
  const recordsSeen = dataSeen?.format ? dataSeen : existing.format === undefined ? await frontMatterLevelsShape(asIs.sources) : undefined;
  // Several levels in one file read as one role each by the default reader: read them again as levels.
  const unseen = existing.format === undefined && !recordsSeen?.format;
  const levelsSeen = unseen ? (levelsInFileShape(asIs.roles, asIs.sources) ?? levelsInFileShape(asIs.roles, asIs.sources, true)) : undefined;
  const boldListSeen = unseen && !levelsSeen ? boldListShape(asIs.roles, asIs.sources) : undefined;
  // Tables, or a file per skill, read as roles without expectations or with levels for sections: read them as what they are.
  const readerSeen = unseen && !levelsSeen && !boldListSeen ? (matrixShape(asIs.roles, asIs.sources) ?? skillFilesShape(asIs.roles)) : undefined;
  const readerFormat: LadderFormat | undefined =
    recordsSeen?.format ?? (levelsSeen ? 'levels-in-one-file' : boldListSeen ? { reader: 'levels-in-one-file', levels: 'bold-list' } : readerSeen?.format);
  // Paragraphs under sections read as nothing by the default reader: read them again as prose.
  const prose = unseen && !readerSeen ? await proseShape(root, options, existing.inherits, readerFormat) : undefined;
  const format: Pick<LadderConfig, 'format'> = prose ? { format: prose.format } : readerFormat ? { format: readerFormat } : {};
  const loaded = format.format ? await loadLadder(root, { ...options, config: { inherits: existing.inherits, ...format } }) : asIs;
  const raw = buildGraph(loaded.roles);
  const pages = recordsSeen && 'notRoles' in recordsSeen ? recordsSeen.notRoles : [];
  const notRoles = [...coverWithGlobs([...raw.roles.values()].flatMap((role) => notARole(role) ?? [])), ...pages];
  const ignore = [...new Set([...(existing.ignore ?? []), ...leftOut, ...notRoles.map((n) => n.ignoredBy)])];
  const kept = await notIgnored(loaded.roles, ignore);
  const graph = buildGraph(kept);
  const parents = [...graph.roles.values()].flatMap((role) => parentNote(graph, role) ?? []);
  const aliases = { ...proposedAliases(parents), ...existing.aliases };
  const tracks = existing.tracks ?? proposedTracks(buildGraph(kept, { aliases }));
  const shape = existing.levels || existing.format || readerFormat ? undefined : levelShape(graph);
  const proposed: LadderConfig = {
    ...existing,
    ...format,
    ...(ignore.length ? { ignore } : {}),
    ...(Object.keys(aliases).length ? { aliases } : {}),
    ...(tracks ? { tracks } : {}),
    ...(shape?.levels ? { levels: shape.levels } : {}),
  };
  const checked = buildGraph(kept, proposed);
  return {
    root,
    files: loaded.sources.length,
    roles: [...checked.roles.values()].map(({ id, title, file, track, level, parentId }) => ({ id, title, file, track, level, inherits: parentId })),
    chains: chains(checked),
    notRoles,
    leftOut,
    parents,
    unresolved: [...new Set(checked.broken.values())].map(({ file, line, message }) => ({ file, line, message })),
    unsettled: [...(await unsettled(loaded, ignore, checked)), ...(shape?.unsettled ?? []), ...(dataSeen?.unsettled ?? [])],
    ...shapeSeen(recordsSeen?.seen ?? levelsSeen ?? boldListSeen ?? readerSeen?.seen(loaded.roles) ?? shape?.seen, prose?.seen),
    config: proposed,
  };
}

/** What init saw of the ladder's shape, in words: how levels are kept, and whether it is prose. */
function shapeSeen(...seen: (string | undefined)[]): Pick<LadderSurvey, 'shape'> {
  const parts = seen.filter((part): part is string => part !== undefined);
  return parts.length > 0 ? { shape: parts.join('; ') } : {};
}

/**
 * What the proposal leaves as it is: every problem the loader had with a file it keeps, a line naming a
 * role that reads as no parent line, and each kept
 * Markdown file that is no role (no title) and so would silently drop out of the ladder.
 */
async function unsettled(loaded: LoadedLadder, ignore: string[], graph: RoleGraph): Promise<LadderSurvey['unsettled']> {
  // A line that names a role but reads as no parent line is only seen once the roles are known.
  const unread = graph.problems.filter((problem) => problem.code === 'unrecognised-parent-line');
  const problems = (await notIgnored([...loaded.problems, ...unread], ignore)).map(({ file, line, message }) => ({ file, line, message }));
  // A level read from several skill files holds sections of each of them.
  const roleFiles = new Set(loaded.roles.flatMap((role) => [role.file, ...role.sections.flatMap((section) => section.file ?? [])]));
  const told = new Set(problems.map((p) => p.file));
  const untitled = (await notIgnored(loaded.sources, ignore))
    .filter(({ file }) => !roleFiles.has(file) && !told.has(file))
    .map(({ file }) => ({ file, line: 1, message: 'has no title, so it is not read as a role; give it a title, or add it to "ignore:" in ladder.yaml' }));
  return [...problems, ...untitled].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Why a file that parsed as a role is probably not one, or undefined. */
function notARole(role: RoleNode): Omit<NotARole, 'ignoredBy'> | undefined {
  const where = `${role.file} ${role.title}`;
  const word = DEPRECATED.exec(where)?.[0];
  if (word) return { file: role.file, title: role.title, kind: 'deprecated', reason: `"${word}" in its ${DEPRECATED.test(role.file) ? 'file name' : 'title'}` };
  if (role.parent || role.children.length > 0) return undefined;
  // The file's own name, not its folders': a ladder kept in `ladder/` or `career-paths/` is no overview page.
  const named = slug(`${posix.basename(role.file)} ${role.title}`).split('-').find((w) => OVERVIEW_WORDS.has(w));
  const listOnly = role.sections.length === 0 && role.strayExpectations.length > 0;
  if (!named && !listOnly) return undefined;
  const reason = named ? `"${named}" in its name, and no role inherits from it` : 'a list with no sections, and no role inherits from it';
  return { file: role.file, title: role.title, kind: 'overview', reason };
}

/**
 * Globs for the files that are not roles: `**\/*DEPRECATED*` for a deprecation marker in a name, one glob
 * for a suffix several overview pages share (`**\/*_path.md`), the file's own path otherwise.
 */
function coverWithGlobs(found: Omit<NotARole, 'ignoredBy'>[]): NotARole[] {
  const globOf = new Map<string, string>();
  const bySuffix = new Map<string, string[]>();
  for (const { file } of found) {
    const name = posix.basename(file);
    const marker = DEPRECATED.exec(name)?.[0];
    if (marker) {
      globOf.set(file, `**/*${marker}*`);
      continue;
    }
    const suffix = /[_-][^_.-]+\.md$/i.exec(name)?.[0] ?? name;
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), file]);
  }
  for (const [suffix, files] of bySuffix) for (const file of files) globOf.set(file, files.length > 1 ? `**/*${suffix}` : file);
  return found.map((notRole) => ({ ...notRole, ignoredBy: globOf.get(notRole.file)! }));
}

/** What to say about a role's parent line when it is not an exact name: loose, ambiguous or unknown. */
function parentNote(graph: RoleGraph, role: RoleNode): ParentNote | undefined {
  const ref = role.parent;
  if (!ref) return undefined;
  const at = { file: role.file, line: ref.line, role: role.id, name: role.parentName ?? ref.name };
  if (role.parentMatch === 'loose') return { ...at, kind: 'loose', candidates: [role.parentId!] };
  const broken = graph.broken.get(role.id);
  if (!broken || broken.file !== role.file) return undefined;
  if (broken.candidates) return { ...at, kind: 'ambiguous', candidates: broken.candidates };
  if (broken.code === 'unknown-parent' && ref.link === undefined) return { ...at, kind: 'unknown', candidates: lookalikes(graph, ref.name) };
  return undefined;
}

/**
 * An alias for every loose name (so adding a role later cannot make it ambiguous) and every ambiguous
 * one (its likeliest candidate, for the user to check). Unknown names get none: guessing there would hide
 * a real defect. Nor does a name whose likeliest role differs from file to file ("Senior" in backend/ and
 * in frontend/): one alias would tie every track to one of them, so those files need a link.
 */
function proposedAliases(parents: ParentNote[]): Record<string, string> {
  const guesses = new Map<string, Set<string>>();
  for (const note of parents) if (note.kind !== 'unknown') guesses.set(note.name, (guesses.get(note.name) ?? new Set()).add(note.candidates[0]!));
  return Object.fromEntries([...guesses].filter(([, ids]) => ids.size === 1).map(([name, ids]) => [name, [...ids][0]!]));
}

/**
 * Tracks for a ladder kept in one folder, where every role lands in one track: with a single root, the
 * engineering line starts there and a management track at the first management role below a role that
 * is not one. Undefined when folders or front matter already tell tracks apart, or no such branch exists.
 */
function proposedTracks(graph: RoleGraph): Record<string, string> | undefined {
  const roles = [...graph.roles.values()];
  const roots = roles.filter((role) => role.parentId === null && role.children.length > 0);
  if (new Set(roles.map((role) => role.track)).size > 1 || roots.length !== 1) return undefined;
  const branches = roles.filter((role) => {
    const parent = role.parentId === null ? undefined : graph.roles.get(role.parentId);
    return parent && MANAGEMENT.test(role.title) && !MANAGEMENT.test(parent.title);
  });
  if (branches.length === 0) return undefined;
  const tracks: Record<string, string> = { engineers: roots[0]!.id };
  branches.forEach((role, i) => (tracks[i === 0 ? 'managers' : `managers-${role.id}`] = role.id));
  return tracks;
}

/** Each line of the ladder from a root down to a role nothing inherits from, as role ids. */
function chains(graph: RoleGraph): string[][] {
  const lines: string[][] = [];
  for (const leaf of graph.roles.values()) {
    if (leaf.children.length > 0 || graph.broken.has(leaf.id)) continue;
    const line: string[] = [];
    for (let node: RoleNode | undefined = leaf; node; node = node.parentId === null ? undefined : graph.roles.get(node.parentId)) line.unshift(node.id);
    lines.push(line);
  }
  return lines;
}
