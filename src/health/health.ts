import { descendants, type RoleGraph } from '../graph/build-graph.js';
import { ladderGraph } from '../graph/edges.js';
import { resolveRole } from '../resolve/resolve-role.js';
import type { LadderConfig } from '../schema/config.js';
import type { HealthFlag, HealthStep, HealthThresholds, LadderHealth, NeverGrowing } from '../schema/health.js';
import { parityGaps } from './parity.js';
import type { ResolvedRole } from '../schema/role.js';
import { slug } from '../text/slug.js';
import { compareRoles } from '../diff/compare-roles.js';

export const DEFAULT_THRESHOLDS: HealthThresholds = { minStep: 3, minRatio: 0.5 };

/** A step whose new expectations sharpen inherited ones this often or more says little that is new. */
export const MOSTLY_REWORDED = 0.5;

/** The thresholds ladder.yaml sets, the defaults for the rest. */
export function healthThresholds(config: LadderConfig = {}): HealthThresholds {
  return { ...DEFAULT_THRESHOLDS, ...config.health };
}

/**
 * How big each promotion step of a ladder is: for every inheritance edge, what the inheriting role adds
 * to its parent (as `ladder diff parent role` counts it), measured against the median step of its track.
 * A step belongs to the inheriting role's track, also when it crosses tracks (Senior Engineer →
 * Engineering Manager is the first step of the managers track): the role is judged where it sits. Roles
 * whose chain is broken are left out; the graph reports them.
 */
export function ladderHealth(graph: RoleGraph, thresholds: HealthThresholds = DEFAULT_THRESHOLDS): LadderHealth {
  const resolved = new Map<string, ResolvedRole>();
  const resolve = (id: string) => resolved.get(id) ?? resolved.set(id, resolveRole(graph, graph.roles.get(id)!)).get(id)!;
  const edges = ladderGraph(graph).edges.filter(({ from }) => !graph.broken.has(from));
  const measured = edges.map(({ from: child, to: parent }) => measureStep(resolve(parent), resolve(child)));
  const medians = new Map<string, number>();
  for (const track of new Set(measured.map((step) => step.track))) {
    medians.set(track, median(measured.filter((step) => step.track === track).map((step) => step.added)));
  }
  const steps = measured.map((step) => judge(step, medians.get(step.track)!, thresholds));
  const neverGrowing = sectionsThatNeverGrow(graph, steps);
  return {
    thresholds,
    steps,
    neverGrowing,
    parity: parityGaps(graph),
    summary: {
      steps: steps.length,
      thin: steps.filter((step) => step.flags.includes('thin')).length,
      mostlyReworded: steps.filter((step) => step.flags.includes('mostly-reworded')).length,
      neverGrowing: neverGrowing.length,
    },
  };
}

/** Whether anything is flagged, for `--exit-code`. */
export function hasFlags(health: LadderHealth): boolean {
  return health.summary.thin + health.summary.mostlyReworded + health.summary.neverGrowing > 0;
}

type MeasuredStep = Omit<HealthStep, 'median' | 'ratio' | 'flags'>;

function measureStep(parent: ResolvedRole, child: ResolvedRole): MeasuredStep {
  const diff = compareRoles(parent, child);
  return {
    from: diff.from,
    to: diff.to,
    track: child.track,
    crossTrack: parent.track !== child.track,
    added: diff.summary.added,
    evolved: diff.summary.evolved,
    sections: diff.sections
      .filter((section) => section.added.length > 0)
      .map((section) => ({ title: section.title, added: section.added.length, evolved: section.added.filter((e) => e.evolvesFrom).length })),
  };
}

function judge(step: MeasuredStep, trackMedian: number, { minStep, minRatio }: HealthThresholds): HealthStep {
  const flags: HealthFlag[] = [];
  if (step.added < minStep || step.added < minRatio * trackMedian) flags.push('thin');
  if (step.added > 0 && step.evolved / step.added >= MOSTLY_REWORDED) flags.push('mostly-reworded');
  const ratio = trackMedian > 0 ? Math.round((step.added / trackMedian) * 100) / 100 : null;
  return { ...step, median: trackMedian, ratio, flags };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Sections a track starts with (those its first role writes itself) that no later role of the track adds
 * to. Sections the first role only inherits from another track belong to that track and are judged there:
 * an Engineering Manager's inherited Craft section is the makers' business.
 */
function sectionsThatNeverGrow(graph: RoleGraph, steps: HealthStep[]): NeverGrowing[] {
  const grows = new Map(steps.map((step) => [step.to.id, new Set(step.sections.map((section) => slug(section.title)))]));
  const found: NeverGrowing[] = [];
  for (const root of graph.roles.values()) {
    const parent = root.parentId === null ? undefined : graph.roles.get(root.parentId);
    if (graph.broken.has(root.id) || parent?.track === root.track) continue;
    const later = descendants(graph, root, (role) => role.track === root.track).filter((id) => grows.has(id));
    if (later.length === 0) continue;
    const sections = new Map(root.sections.map((section) => [slug(section.title), section.title]));
    for (const [id, title] of sections) {
      if (!later.some((role) => grows.get(role)!.has(id))) found.push({ track: root.track, section: title, root: root.id, roles: later });
    }
  }
  return found;
}
