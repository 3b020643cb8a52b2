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
      const first = new Map<string, { file: string; line: number }>();
      const reports: Report[] = [];
      for (const section of role.sections) {
        const id = slug(section.title);
        const earlier = first.get(id);
        const file = section.file ?? role.file;
        if (earlier === undefined) first.set(id, { file, line: section.line });
        else {
          reports.push({
            file,
            line: section.line,
            column: 1,
            message: `Section "${section.title}" appears again (first on line ${earlier.line}${earlier.file === file ? '' : ` of ${earlier.file}`}); merge the two.`,
            related: earlier,
          });
        }
      }
      return reports;
    }),
});
