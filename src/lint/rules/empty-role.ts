import { defineRule } from '../rule.js';

export const emptyRole = defineRule({
  meta: {
    id: 'empty-role',
    description: 'A role has no expectations of its own and inherits none either.',
    severity: 'error',
    fixable: false,
    flags: 'a role with a title, no parent and no bullets',
    passes: 'a role with no bullets of its own that inherits some',
  },
  check: (ctx) =>
    ctx.roles
      .filter((role) => role.parent === null && role.strayExpectations.length === 0 && role.sections.every((s) => s.expectations.length === 0))
      .map((role) => ({
        file: role.file,
        line: role.titleLine,
        column: 1,
        message: `Role "${role.title}" has no expectations and no parent; add a section with "* " items or an "(Inherits the role expectations of …)" line.`,
      })),
});
