import type { ParsedRole, ParsedSection, Problem } from '../../schema/parsed.js';
import { slug } from '../../text/slug.js';
import type { RoleOutline } from '../parse-role.js';
import type { SkillFiles } from './skill-files-settings.js';

// The reader for transposed ladders (`format: skill-files`): a sibling of the default reader,
// src/load/parse-role.ts. Each file is one skill (its title); each heading inside it is a level, with the
// skill's expectations at that level listed under it. A file is read by the default reader, whose sections
// are here the levels, so every expectation keeps its exact place. Each file yields a part-role per level;
// `mergeLevels` then makes one role of each level across the files, a section per skill.

/**
 * A skill file's levels, each a role holding one section: the skill, titled as the file is (its heading,
 * front matter title, or else its name). List items above the first level heading belong to no level: a
 * problem, never silently dropped.
 */
export function readSkillFile(file: string, outline: RoleOutline, frontTitle: string | undefined, problems: Problem[]): ParsedRole[] {
  const skill = frontTitle ?? outline.title ?? titleFromName(file);
  const skillLine = outline.titleLine || 1;
  const [stray] = outline.strayExpectations;
  if (stray) {
    const count = outline.strayExpectations.length;
    const message = `${count} list item${count === 1 ? '' : 's'} before the first level heading belong to no level and are not read; put them under a level heading ("## Junior")`;
    problems.push({ code: 'unread-part', message, file, line: stray.line, column: stray.column });
  }
  if (outline.sections.length === 0) {
    const message = 'has no level heading ("## Junior") with the skill\'s expectations under it, so no level is read from it; add the level headings, or add the file to "ignore:" in ladder.yaml';
    problems.push({ code: 'unreadable', message, file, line: 1, column: 1 });
  }
  const folder = file.split('/').slice(0, -1)[0];
  return outline.sections.map((level) => ({
    id: slug(level.title),
    title: level.title,
    titleLine: level.line,
    file,
    track: folder ?? 'default',
    aliases: [],
    parent: null,
    description: '',
    sections: [{ title: skill, line: skillLine, expectations: level.expectations }],
    strayExpectations: [],
  }));
}

/** "technical-depth.md" → "Technical depth". */
function titleFromName(file: string): string {
  const words = file.split('/').pop()!.replace(/\.md$/i, '').replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One role per level across the skill files of a track: its sections are the skills in file order, each
 * expectation keeping the file it is written in. The role reports the first file that names the level.
 * Levels follow `order` when set, else the order of the headings, which the files must agree on; each
 * level inherits the one before it unless `inherit: none`.
 */
export function mergeLevels(parts: ParsedRole[], settings: SkillFiles): { roles: ParsedRole[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const roles: ParsedRole[] = [];
  for (const trackParts of groupBy(parts, (part) => part.track).values()) {
    const merged = new Map<string, ParsedRole>();
    for (const part of trackParts) {
      const role = merged.get(part.id);
      if (!role) merged.set(part.id, { ...part, sections: part.sections.map((section) => inFile(section, part.file, part.file)) });
      else role.sections.push(...part.sections.map((section) => inFile(section, part.file, role.file)));
    }
    const order = settings.order ? listedOrder(settings.order, trackParts, problems) : headingOrder(trackParts, problems);
    const levels = order.flatMap((id) => merged.get(id) ?? []);
    levels.forEach((role, i) => {
      const previous = levels[i - 1];
      if (settings.inherit === 'none') role.declaredLevel = i + 1;
      else if (previous) role.parent = { name: previous.id, line: role.titleLine, column: 1 };
    });
    roles.push(...levels);
  }
  return { roles, problems };
}

/** A skill's section as part of a role reported at `roleFile`: where it is written elsewhere, its expectations say so. */
function inFile(section: ParsedSection, file: string, roleFile: string): ParsedSection {
  if (file === roleFile) return section;
  return { ...section, file, expectations: section.expectations.map((expectation) => ({ ...expectation, file })) };
}

/** The level ids in the order `ladder.yaml` lists them; a level it does not list is a problem, not dropped silently. */
function listedOrder(order: string[], parts: ParsedRole[], problems: Problem[]): string[] {
  const ids = order.map(slug);
  for (const part of parts) {
    if (ids.includes(part.id)) continue;
    const message = `level "${part.title}" is not listed under "format: order:" in ladder.yaml, so it is not read; add it where it belongs, lowest first`;
    problems.push({ code: 'level-order', message, file: part.file, line: part.titleLine, column: 1 });
  }
  return ids;
}

/**
 * The level ids in the order the files' headings give them: a level first seen in a later file goes
 * before the next level its file shares with those seen so far. Two files that order two levels the other
 * way round are a problem naming both, since which comes first decides who inherits from whom.
 */
function headingOrder(parts: ParsedRole[], problems: Problem[]): string[] {
  const order: string[] = [];
  const firstSeen = new Map<string, ParsedRole>();
  for (const [file, levels] of groupBy(parts, (part) => part.file)) {
    const ids = levels.map((level) => level.id);
    ids.forEach((id, i) => {
      if (order.includes(id)) return;
      const next = ids.slice(i + 1).find((later) => order.includes(later));
      order.splice(next === undefined ? order.length : order.indexOf(next), 0, id);
    });
    for (const [i, level] of levels.entries()) {
      const clash = levels.slice(i + 1).find((later) => order.indexOf(later.id) < order.indexOf(level.id));
      if (!clash) continue;
      const other = firstSeen.get(clash.id)!;
      const message = `puts "${level.title}" before "${clash.title}", but ${other.file} puts "${clash.title}" first; put the levels in the same order in every file, or list them under "format: order:" in ladder.yaml`;
      problems.push({ code: 'level-order', message, file, line: level.titleLine, column: 1 });
      break;
    }
    for (const level of levels) if (!firstSeen.has(level.id)) firstSeen.set(level.id, level);
  }
  return order;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
