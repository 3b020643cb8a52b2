import { defineRule } from '../rule.js';

export const emptySection = defineRule({
  meta: {
    id: 'empty-section',
    description: 'A "###" section has no expectations.',
    severity: 'error',
    fixable: false,
    flags: '"### Impact" followed directly by "### Craft"',
    passes: '"### Impact" followed by at least one bullet',
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) =>
      role.sections
        .filter((section) => section.expectations.length === 0)
        .map((section) => ({
          file: role.file,
          line: section.line,
          column: 1,
          message: `Section "${section.title}" has no expectations; add "* " items under it or remove it.`,
        })),
    ),
});
