import type { ParsedRole } from '../schema/parsed.js';
import { looksLikeLevel } from '../text/level-name.js';
import { slug } from '../text/slug.js';
import type { ReaderShape } from './matrix-shape.js';

/**
 * A ladder kept as one file per skill with a heading per level: read by the default reader, each file is a
 * role whose sections are levels, so several files share section titles that name levels while the files'
 * titles do not. No role names a parent. Undefined otherwise.
 */
export function skillFilesShape(roles: ParsedRole[]): ReaderShape | undefined {
  if (roles.length < 2 || roles.some((role) => role.parent !== null)) return undefined;
  const filesWith = new Map<string, { title: string; files: number }>();
  for (const role of roles) {
    for (const title of new Set(role.sections.map((section) => section.title))) {
      const entry = filesWith.get(slug(title)) ?? { title, files: 0 };
      filesWith.set(slug(title), { ...entry, files: entry.files + 1 });
    }
  }
  const shared = [...filesWith.values()].filter((entry) => entry.files > 1);
  const levelNamed = shared.filter((entry) => looksLikeLevel(entry.title)).length;
  const skillNamed = roles.filter((role) => !looksLikeLevel(role.title)).length;
  if (shared.length < 2 || levelNamed * 2 < shared.length || skillNamed * 2 < roles.length) return undefined;
  return {
    format: 'skill-files',
    seen: (levels) => {
      const files = [...new Set(levels.flatMap((level) => [level.file, ...level.sections.map((section) => section.file ?? level.file)]))].sort();
      return `one file per skill with a heading per level, each level a role across the files, building on the one before: ${levels.map((level) => level.title).join(' → ')} (from ${files.join(', ')})`;
    },
  };
}
