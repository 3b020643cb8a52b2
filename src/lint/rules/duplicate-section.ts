import { slug } from '../../text/slug.js';
import { defineRule, type Report } from '../rule.js';

export const duplicateSection = defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'A role has the same "###" section twice.',
    severity: 'error',
    fixable: false,
    flags: '"### Craft" twice in one role',
    passes: '"### Craft" and "### Craft and delivery"',
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) => {
      const first = new Map<string, number>();
      const reports: Report[] = [];
      for (const section of role.sections) {
        const id = slug(section.title);
        const line = first.get(id);
        if (line === undefined) first.set(id, section.line);
        else {
          reports.push({
            file: role.file,
            line: section.line,
            column: 1,
            message: `Section "${section.title}" appears again (first on line ${line}); merge the two.`,
            related: { file: role.file, line },
          });
        }
      }
      return reports;
    }),
});
