import { posix } from 'node:path';
import type { SourceFile } from '../../load/load-ladder.js';
import type { MarkdownLink } from '../../schema/parsed.js';
import { closest } from '../../text/edit-distance.js';
import { defineRule, type LintContext, type Report } from '../rule.js';

/** Links the ladder cannot check: a scheme (https:, mailto:), protocol-relative, or absolute to a site or repository root. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

export const brokenLink = defineRule({
  meta: {
    id: 'broken-link',
    description: 'A relative link in a role file or a README points to a file, or a "#anchor", that does not exist.',
    severity: 'warning',
    fixable: false,
    flags: '"[Senior](senior-engineer.md)" when no senior-engineer.md exists',
    passes: '"[Senior](senior.md#craft)" when senior.md has a "### Craft" heading; https links are not checked',
  },
  check: (ctx) => {
    const files = [...ctx.loaded.sources, ...(ctx.loaded.documents ?? [])];
    const names = files.map((source) => source.file);
    return files.flatMap((source) => source.links.flatMap((link) => checkLink(ctx, source, link, names)));
  },
});

/**
 * A target file is looked up relative to the linking file, inside the ladder folder or outside it (a
 * README may link to the repository's CONTRIBUTING.md). An anchor is checked against the headings of the
 * target when the target is a Markdown file of the ladder; elsewhere only the file can be checked.
 */
function checkLink(ctx: LintContext, source: SourceFile, link: MarkdownLink, names: string[]): Report[] {
  if (link.url === '' || NOT_RELATIVE.test(link.url)) return [];
  const hash = link.url.indexOf('#');
  const path = decode((hash < 0 ? link.url : link.url.slice(0, hash)).split('?')[0]!);
  const anchor = hash < 0 ? '' : decode(link.url.slice(hash + 1));
  const from = posix.dirname(source.file);
  const target = path === '' ? source.file : posix.normalize(posix.join(from, path));
  const report = (message: string): Report[] => [{ file: source.file, line: link.line, column: link.column, message }];
  if (path !== '' && !ctx.exists(target)) {
    const shown = target === posix.normalize(path) ? '' : ` (${target} in the ladder folder)`;
    const candidates = names.map((file) => posix.relative(from, file));
    return report(`Link target "${path}"${shown} does not exist; ${suggestion(closest(path, candidates), 'fix or remove the link')}`);
  }
  const anchors = ctx.source(target)?.anchors;
  if (anchor === '' || !anchors || anchors.includes(anchor)) return [];
  const where = target === source.file ? 'this file' : target;
  const listed = anchors.length ? `its anchors are ${anchors.slice(0, 5).map((a) => `"#${a}"`).join(', ')}${anchors.length > 5 ? ', …' : ''}` : 'it has no headings';
  return report(`No heading in ${where} has the anchor "#${anchor}"; ${suggestion(closest(anchor, anchors).map((a) => `#${a}`), listed)}`);
}

function suggestion(names: string[], otherwise: string): string {
  return names.length ? `did you mean "${names[0]}"?` : `${otherwise}.`;
}

/** Links are URLs: `%20` in one means a space in the file name. A malformed escape is read as written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
