import { posix } from 'node:path';
import type { LadderConfig } from '../schema/config.js';
import { ORDER_KEYS } from '../schema/order-keys.js';
import type { Problem, RolePlace } from '../schema/parsed.js';
import type { RoleGraph, RoleNode } from './role-graph.js';

export type LevelsSetting = NonNullable<LadderConfig['levels']>;
export type LevelOrder = LevelsSetting['order'];

/** The number a level's file name carries (`L1`, `01-junior`, `engineer-2`, `level_3`): the last run of digits. */
export function fileNumber(file: string): number | undefined {
  const digits = /(\d+)(?!.*\d)/.exec(posix.basename(file, posix.extname(file)))?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** The first order key set in a role's front matter, with its value. */
export function frontMatterOrder(role: Pick<RoleNode, 'frontMatter'>): { key: string; value: number } | undefined {
  const key = ORDER_KEYS.find((k) => typeof role.frontMatter?.[k] === 'number');
  return key === undefined ? undefined : { key, value: role.frontMatter![key]! };
}

/** Where a role sits in the order, or undefined when the order says nothing of it. */
export function positionOf(role: Pick<RoleNode, 'file' | 'frontMatter'>, order: LevelOrder): number | undefined {
  if (order === 'filename') return fileNumber(role.file);
  if (order === 'frontmatter') return frontMatterOrder(role)?.value;
  const index = order.indexOf(role.file);
  return index < 0 ? undefined : index;
}

/** Roles grouped by track, each in file order: a level order runs within one track. */
export function tracksOf<N extends RoleNode<RolePlace>>(roles: N[]): N[][] {
  const tracks = new Map<string, N[]>();
  for (const role of roles) {
    const track = tracks.get(role.track);
    if (track) track.push(role);
    else tracks.set(role.track, [role]);
  }
  return [...tracks.values()];
}

const HOW: Record<'filename' | 'frontmatter', string> = {
  filename: 'number in the file name',
  frontmatter: `order key in the front matter (${ORDER_KEYS.join(', ')})`,
};

/**
 * Orders each track's roles as `ladder.yaml` says and, with `inherit: previous`, links each role that has
 * no parent line to the one before it; with `inherit: none`, the order sets only the level. A track whose
 * order is unclear (two roles at one place, a role without a place among placed ones) is reported, not
 * guessed, and none of its roles is linked by order.
 */
export function linkByLevelOrder(graph: RoleGraph<RolePlace>, levels: LevelsSetting): void {
  if (Array.isArray(levels.order)) reportUnlistedFiles(graph, levels.order);
  for (const roles of tracksOf([...graph.roles.values()])) {
    const ordered = orderTrack(graph, roles, levels.order);
    ordered?.forEach((role, i) => {
      if (levels.inherit === 'none') role.declaredLevel ??= i + 1;
      else if (i > 0 && role.parent === null) linkToPrevious(role, ordered[i - 1]!);
    });
  }
}

/** The roles of one track, lowest first; undefined when nothing places them or the order is unclear (reported). */
function orderTrack(graph: RoleGraph<RolePlace>, roles: RoleNode<RolePlace>[], order: LevelOrder): RoleNode<RolePlace>[] | undefined {
  const placed = roles.map((role) => ({ role, at: positionOf(role, order) }));
  if (placed.every((p) => p.at === undefined)) return undefined;
  const how = Array.isArray(order) ? 'place in "levels.order" of ladder.yaml' : HOW[order];
  const defects: { role: RoleNode<RolePlace>; problem: Problem }[] = [];
  // A role with a parent line of its own needs no place in the order.
  for (const { role } of placed.filter((p) => p.at === undefined && p.role.parent === null)) {
    defects.push(defect(role, `the level order gives no place to ${role.file}, which has no ${how}, unlike the other levels of track "${role.track}"; give it one, give it a parent line, or add it to "ignore:" in ladder.yaml`));
  }
  const byPlace = new Map<number, RoleNode<RolePlace>[]>();
  for (const { role, at } of placed) if (at !== undefined) byPlace.set(at, byPlace.get(at)?.concat(role) ?? [role]);
  for (const [at, same] of byPlace) {
    if (same.length < 2) continue;
    const files = same.map((r) => r.file).join(', ');
    for (const role of same) defects.push(defect(role, `the level order puts ${files} at the same place (${at}, by the ${how}) in track "${role.track}", so which level comes first is unclear; give each level its own`));
  }
  if (defects.length > 0) {
    for (const { role, problem } of defects) {
      graph.problems.push(problem);
      graph.broken.set(role.id, problem);
    }
    return undefined;
  }
  return placed.filter((p) => p.at !== undefined).sort((a, b) => a.at! - b.at!).map((p) => p.role);
}

function linkToPrevious(role: RoleNode<RolePlace>, previous: RoleNode<RolePlace>): void {
  role.parentId = previous.id;
  previous.children.push(role.id);
}

/** Files listed in `levels.order` that are no role of the ladder: a typo there would silently reorder it. */
function reportUnlistedFiles(graph: RoleGraph<RolePlace>, order: string[]): void {
  const files = new Set([...graph.roles.values()].map((role) => role.file));
  for (const file of order.filter((f) => !files.has(f))) {
    graph.problems.push({ code: 'level-order', message: `"levels.order" lists ${file}, which is no role file of this ladder; fix the list in ladder.yaml`, file: 'ladder.yaml', line: 1, column: 1 });
  }
}

function defect(role: RoleNode<RolePlace>, message: string): { role: RoleNode<RolePlace>; problem: Problem } {
  return { role, problem: { code: 'level-order', message, file: role.file, line: role.titleLine, column: 1 } };
}
