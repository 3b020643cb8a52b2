import { posix } from 'node:path';
import { buildGraph, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import { fileNumber, frontMatterOrder, positionOf, tracksOf, type LevelsSetting } from '../graph/level-order.js';
import type { LadderSurvey } from '../schema/survey.js';

/** What init makes of a ladder in which no role names a parent: the setting that orders it, or why none can. */
export interface LevelShape {
  levels?: LevelsSetting;
  /** What was seen, in words: "one file per level, ordered by the number in the file name: L1 → L6". */
  seen?: string;
  /** Tracks that stay a heap of roots, each with what stops ordering it. */
  unsettled: LadderSurvey['unsettled'];
}

const ORDERS = [
  { order: 'filename', by: () => 'the number in the file name', has: (role: RoleNode) => fileNumber(role.file) !== undefined },
  {
    order: 'frontmatter',
    by: (roles: RoleNode[]) => `${[...new Set(roles.flatMap((role) => frontMatterOrder(role)?.key ?? []))].join(' or ')} in the front matter`,
    has: (role: RoleNode) => frontMatterOrder(role) !== undefined,
  },
] as const;

/**
 * A ladder kept as one file per level: no role has a parent line and, in every track of several roles,
 * each file carries its own number (or order key). Then the files order the levels and each builds on the
 * one before. Never a guess: when the numbers clash or some file has none, the files are named instead.
 * Undefined when some role names a parent, or no track holds more than one role.
 */
export function levelShape(graph: RoleGraph): LevelShape | undefined {
  const roles = [...graph.roles.values()];
  const tracks = tracksOf(roles).filter((track) => track.length > 1);
  if (roles.some((role) => role.parent !== null) || tracks.length === 0) return undefined;
  for (const { order, by, has } of ORDERS) {
    if (!tracks.some((track) => track.some(has))) continue;
    const levels: LevelsSetting = { order, inherit: 'previous' };
    const trial = buildGraph(roles, { levels });
    const clashes = trial.problems.filter((problem) => problem.code === 'level-order');
    if (clashes.length > 0) return { unsettled: clashes.map(({ file, line, message }) => ({ file, line, message })) };
    const [ordered, unordered] = [tracks.filter((track) => track.some(has)), tracks.filter((track) => !track.some(has))];
    const lines = ordered.map((track) => orderedNames(track, order));
    return { levels, seen: `one file per level, ordered by ${by(roles)}, each level building on the one before: ${lines.join('; ')}`, unsettled: unordered.map(noOrder) };
  }
  return { unsettled: tracks.map(noOrder) };
}

/** A track of several roles that neither names parents nor carries an order: nothing to build a ladder from. */
function noOrder(track: RoleNode[]): LadderSurvey['unsettled'][number] {
  const message =
    `no role of track "${track[0]!.track}" names a parent, and its ${track.length} files carry no order (a number in the file name, ` +
    'or weight, order, sidebar_position, nav_order or level in front matter), so every role would stand alone; add parent lines, number the files, or list them lowest first under "levels: order:" in ladder.yaml';
  return { file: track[0]!.file, line: 1, message };
}

/** A track's files, lowest first, as "L1 → L6" (every file named, so a long ladder shows every step). */
function orderedNames(track: RoleNode[], order: 'filename' | 'frontmatter'): string {
  const names = [...track].sort((a, b) => positionOf(a, order)! - positionOf(b, order)!).map((role) => posix.basename(role.file, '.md'));
  const folder = posix.dirname(track[0]!.file);
  return `${folder === '.' ? '' : `${folder}/: `}${names.join(' → ')}`;
}
