import type { RoleGraph, RoleNode } from '../graph/build-graph.js';
import type { ParityGap } from '../schema/health.js';
import { slug } from '../text/slug.js';

/**
 * Where tracks fall out of step: at one level, a role of one track adds expectations to a section that a
 * role of another track at the same level adds none to, though that track uses the section too (an
 * Engineering Manager grows Delivery while the Staff Engineer beside it does not). Only roles whose chain
 * resolves, and only a role's own expectations: what it inherits says nothing of what its level adds.
 */
export function parityGaps(graph: RoleGraph): ParityGap[] {
  const roles = [...graph.roles.values()].filter((role) => !graph.broken.has(role.id) && role.level > 0);
  const usedBy = new Map<string, Set<string>>();
  for (const role of roles) for (const id of ownSections(role).keys()) usedBy.set(role.track, (usedBy.get(role.track) ?? new Set()).add(id));
  const levels = [...new Set(roles.map((role) => role.level))].sort((a, b) => a - b);
  return levels.flatMap((level) => gapsAt(level, roles.filter((role) => role.level === level), usedBy));
}

function gapsAt(level: number, roles: RoleNode[], usedBy: Map<string, Set<string>>): ParityGap[] {
  const own = new Map(roles.map((role) => [role.id, ownSections(role)]));
  const titles = new Map<string, string>();
  for (const sections of own.values()) for (const [id, title] of sections) if (!titles.has(id)) titles.set(id, title);
  const gaps: ParityGap[] = [];
  for (const [id, section] of titles) {
    const has = roles.filter((role) => own.get(role.id)!.has(id));
    const lacks = roles.filter(
      (role) => !own.get(role.id)!.has(id) && usedBy.get(role.track)?.has(id) && has.some((other) => other.track !== role.track),
    );
    if (lacks.length) gaps.push({ level, section, has: has.map((role) => role.id), lacks: lacks.map((role) => role.id) });
  }
  return gaps;
}

/** The sections a role adds expectations to itself, by slug, with the title as it writes it. */
function ownSections(role: RoleNode): Map<string, string> {
  return new Map(role.sections.filter((section) => section.expectations.length > 0).map((section) => [slug(section.title), section.title]));
}
