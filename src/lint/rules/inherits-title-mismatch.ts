import type { RoleNode } from '../../graph/build-graph.js';
import type { LintContext, LintRule, Report } from '../rule.js';
import type { Fix } from '../fix.js';
import { articleFor, withCase } from './indefinite-article.js';

export const inheritsTitleMismatch: LintRule = {
  meta: {
    id: 'inherits-title-mismatch',
    description: "The parent line names the parent differently from its title (case, spacing, a title since renamed); the fix writes the exact title.",
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) => ctx.roles.flatMap((role) => mismatch(ctx, role)),
};

/**
 * Only a parent named in the file's text, by a name other than its exact title. A Markdown link names
 * the parent by its file, front matter `inherits:` by whatever the author chose, and a name written
 * exactly as the parent's id or one of its aliases is deliberate: none of these is flagged.
 */
function mismatch(ctx: LintContext, role: RoleNode): Report[] {
  const ref = role.parent;
  if (!ref || ref.link !== undefined || role.frontMatter?.inherits !== undefined || role.parentId === null) return [];
  const parent = ctx.graph.roles.get(role.parentId)!;
  if (ref.name === parent.title || ref.name === parent.id || parent.aliases.includes(ref.name)) return [];
  const source = ctx.source(role.file);
  const text = source ? (ctx.lines(source)[ref.line - 1] ?? '') : '';
  // The name ends the parent line, so its last occurrence on the line is the name and not a word before it.
  const at = text.lastIndexOf(ref.name);
  const report: Report = {
    file: role.file,
    line: ref.line,
    column: at >= 0 ? at + 1 : ref.column,
    message: `Expected the exact title of the parent role, "${parent.title}", found "${ref.name}".`,
  };
  // A name wrapped onto the next line is reported but left for a person to fix.
  if (at < 0) return [report];
  return [{ ...report, fix: replaceName(text, ref.line, at, ref.name, parent.title) }];
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
