import type { RoleNode } from '../../graph/build-graph.js';
import { defineRule, type LintContext, type Report } from '../rule.js';
import type { Fix } from '../fix.js';
import { articleFor, withCase } from './indefinite-article.js';

export const inheritsTitleMismatch = defineRule({
  meta: {
    id: 'inherits-title-mismatch',
    description: "The parent line names the parent differently from its title (case, spacing, a title since renamed); the fix writes the exact title.",
    severity: 'warning',
    fixable: true,
    flags: '"(Inherits the role expectations of a senior engineer)" for "Senior Engineer"',
    passes: 'the parent named by its exact title',
  },
  check: (ctx) => ctx.roles.flatMap((role) => mismatch(ctx, role)),
});

/**
 * Only a parent named in the file's text by its name as a slug (another case or spacing, or its id after a
 * rename) but not written as its exact title. A loose name is `loose-parent`'s. A Markdown link names the
 * parent by its file, a `ladder.yaml` alias and front matter `inherits:` are what the maintainers chose,
 * and a name written exactly as the parent's id or one of its aliases is deliberate: none of these is flagged.
 */
function mismatch(ctx: LintContext, role: RoleNode): Report[] {
  if (role.parentMatch !== 'exact') return [];
  const parent = ctx.graph.roles.get(role.parentId!)!;
  return titleReports(ctx, role, `Expected the exact title of the parent role, "${parent.title}", found "${role.parentName}".`);
}

/**
 * A finding on the name of a role's parent, with a fix that writes the parent's exact title in its place.
 * Placed and fixed only where the name is found once on the line: a name wrapped onto the next line, or one
 * that also appears elsewhere on it ("… expectations of a role"), is pointed at and left to a person.
 */
export function titleReports(ctx: LintContext, role: RoleNode, message: string): Report[] {
  const ref = role.parent;
  const name = role.parentName;
  if (!ref || name === undefined || role.parentId === null || role.frontMatter?.inherits !== undefined) return [];
  const parent = ctx.graph.roles.get(role.parentId)!;
  if (name === parent.title || name === parent.id || parent.aliases.includes(name)) return [];
  const source = ctx.source(role.file);
  const text = source ? (ctx.lines(source)[ref.line - 1] ?? '') : '';
  const at = text.indexOf(name);
  const once = at >= 0 && text.indexOf(name, at + 1) < 0;
  const report: Report = { file: role.file, line: ref.line, column: once ? at + 1 : ref.column, message };
  return once ? [{ ...report, fix: replaceName(text, ref.line, at, name, parent.title) }] : [report];
}

/**
 * Replaces the name with the title, and the article before it too when the title needs the other one
 * ("a Team Lead" → "an Engineering Team Lead"), so the fixed line reads right in one pass.
 */
function replaceName(text: string, line: number, at: number, name: string, title: string): Fix {
  const article = /\b(an?)(\s+)$/i.exec(text.slice(0, at));
  const wanted = articleFor(title);
  if (!article || article[1]!.toLowerCase() === wanted) return { line, column: at + 1, deleteCount: name.length, insertText: title };
  return { line, column: article.index + 1, deleteCount: at - article.index + name.length, insertText: `${withCase(wanted, article[1]!)}${article[2]}${title}` };
}
