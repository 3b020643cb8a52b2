import type { RoleNode } from '../../graph/build-graph.js';
import { slug } from '../../text/slug.js';
import { defineRule, type Report } from '../rule.js';

export const trackSections = defineRule({
  meta: {
    id: 'track-sections',
    description: 'A role lacks a section that every other role of its track has.',
    severity: 'warning',
    fixable: false,
    flags: 'a Staff Engineer without the "### Impact" section every other role of its track has',
    passes: 'a section only some roles of the track have',
  },
  check: (ctx) => {
    const tracks = new Map<string, RoleNode[]>();
    for (const role of ctx.roles) tracks.set(role.track, [...(tracks.get(role.track) ?? []), role]);
    return [...tracks.entries()].flatMap(([track, roles]) => missingSections(track, roles));
  },
});

/** "Every other role" means something only with two others or more, so smaller tracks are left alone. */
function missingSections(track: string, roles: RoleNode[]): Report[] {
  if (roles.length < 3) return [];
  const sectionsOf = new Map(roles.map((role) => [role, new Set(role.sections.map((s) => slug(s.title)))]));
  const titles = new Map<string, { title: string; count: number }>();
  for (const role of roles) for (const section of role.sections) {
    const id = slug(section.title);
    if (!titles.has(id)) titles.set(id, { title: section.title, count: roles.filter((r) => sectionsOf.get(r)!.has(id)).length });
  }
  const reports: Report[] = [];
  for (const role of roles) {
    for (const [id, { title, count }] of titles) {
      if (count !== roles.length - 1 || sectionsOf.get(role)!.has(id)) continue;
      reports.push({
        file: role.file,
        line: role.titleLine,
        column: 1,
        message: `Role "${role.title}" has no "${title}" section, which the other ${count} roles of track "${track}" all have; add it.`,
      });
    }
  }
  return reports;
}
