import { defineRule, type Report } from '../rule.js';
import { expectationsOf } from './each-expectation.js';

export const emptyExpectation = defineRule({
  meta: {
    id: 'empty-expectation',
    description: 'A bullet with nothing after it ("* " or "-"): Markdown keeps an empty item, and the role drops it without a word.',
    severity: 'warning',
    fixable: false,
    flags: 'a line holding only "* "',
    passes: '"* " inside a fenced code block',
  },
  check: (ctx) =>
    ctx.roles.flatMap((role) => {
      const source = ctx.source(role.file);
      if (!source) return [];
      const inItems = new Set<number>();
      for (const { line, endLine } of expectationsOf(role)) for (let n = line; n <= endLine; n++) inItems.add(n);
      return emptyBullets(ctx.lines(source), role.titleLine, inItems).map(
        (line): Report => ({
          file: role.file,
          line,
          column: 1,
          message: 'Bullet has no text, so the role leaves it out; write the expectation after the bullet or remove the line.',
        }),
      );
    }),
});

const BARE_MARKER = /^\s*(?:[*+-]|\d{1,9}[.)])[ \t]*$/;
const ITEM_START = /^\s*(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Lines (1-based, after the title) holding only a list marker that Markdown reads as an empty list item:
 * under a blank line or inside a list. Right under a paragraph, `-` underlines a heading and `*` runs on
 * as text, so those are left alone; so is anything in a fenced code block, and a marker whose text starts
 * on the next, indented line.
 */
function emptyBullets(lines: string[], titleLine: number, inItems: Set<number>): number[] {
  const found: number[] = [];
  let fence: string | undefined;
  for (let index = titleLine; index < lines.length; index++) {
    const text = lines[index]!;
    const opened = FENCE.exec(text)?.[1];
    if (opened && (fence === undefined || (opened[0] === fence[0] && opened.length >= fence.length))) {
      fence = fence === undefined ? opened : undefined;
      continue;
    }
    if (fence !== undefined || !BARE_MARKER.test(text)) continue;
    const previous = lines[index - 1] ?? '';
    const afterList = previous.trim() === '' || ITEM_START.test(previous) || inItems.has(index);
    const next = lines[index + 1] ?? '';
    if (afterList && !/^\s+\S/.test(next)) found.push(index + 1);
  }
  return found;
}
