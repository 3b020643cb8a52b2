import { short } from '../../text/short.js';
import { defineRule } from '../rule.js';

export const expectationOutsideSection = defineRule({
  meta: {
    id: 'expectation-outside-section',
    description: 'A list item comes before any "###" section, so it belongs to no section.',
    severity: 'error',
    fixable: false,
    flags: '"* Writes code." above the first "###" heading',
    passes: 'the same bullet under "### Craft"',
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) =>
      role.strayExpectations.map((expectation) => ({
        file: role.file,
        line: expectation.line,
        column: expectation.column,
        message: `Expectation "${short(expectation.text)}" is not under any "###" section; move it under one.`,
      })),
    ),
});
