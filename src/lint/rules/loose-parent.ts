import type { RoleNode } from '../../graph/build-graph.js';
import { defineRule, type LintContext, type Report } from '../rule.js';
import { titleReports } from './inherits-title-mismatch.js';

export const looseParent = defineRule({
  meta: {
    id: 'loose-parent',
    description: 'The parent line names its parent by some of the whole words of its title ("Same as Principal"); the fix writes the full title of the one role they name.',
    severity: 'warning',
    fixable: true,
    flags: '"Same as Principal" for "Principal Engineer"',
    passes: '"Same as Principal Engineer"',
  },
  check: (ctx) => ctx.roles.flatMap((role) => loose(ctx, role)),
});

/**
 * A loose name holds today because exactly one role has those words; a role added later can make it
 * ambiguous, so the finding names the role chosen. The graph only ever takes a unique whole-word match,
 * so the fix cannot write a role the line did not name.
 */
function loose(ctx: LintContext, role: RoleNode): Report[] {
  if (role.parentMatch !== 'loose') return [];
  const parent = ctx.graph.roles.get(role.parentId!)!;
  const message = `Parent "${role.parentName}" is read loosely as ${parent.id} ("${parent.title}"); write its full title, link its file, or map the name in ladder.yaml "aliases:".`;
  return titleReports(ctx, role, message);
}
