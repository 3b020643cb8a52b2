import type { Nodes, Root } from 'mdast';
import type { MarkdownLink } from '../schema/parsed.js';
import { textOf } from './mdast-text.js';

export interface LinksAndAnchors {
  /** Links, images and link definitions, in document order, with where each starts. */
  links: MarkdownLink[];
  /** What `#…` may point at in this file: GitHub's heading anchors, and ids or names set in raw HTML. */
  anchors: string[];
}

/** An `id="…"` or `name="…"` attribute in a raw HTML node, such as `<a name="delivery"></a>`. */
const HTML_ANCHOR = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;

/**
 * Walks a parsed Markdown tree once for what link checking needs, so it is computed (and cached) at
 * parse time rather than by parsing every file again when linting. Iterative: nesting cannot overflow.
 */
export function linksAndAnchors(tree: Root): LinksAndAnchors {
  const links: MarkdownLink[] = [];
  const anchors: string[] = [];
  const used = new Map<string, number>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    } else if (node.type === 'heading') {
      anchors.push(uniqueAnchor(headingAnchor(textOf(node)), used));
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_ANCHOR)) anchors.push(match[1]!);
    }
    if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return { links, anchors };
}

/**
 * The anchor GitHub gives a heading (as github-slugger does): lower case, everything but letters,
 * digits, `-`, `_` and spaces dropped, each space a `-`. "Team building & hiring" is `team-building--hiring`.
 */
export function headingAnchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** A repeated heading gets `-1`, `-2`… after its anchor, as on GitHub. */
function uniqueAnchor(anchor: string, used: Map<string, number>): string {
  let unique = anchor;
  while (used.has(unique)) {
    const count = used.get(anchor)! + 1;
    used.set(anchor, count);
    unique = `${anchor}-${count}`;
  }
  used.set(unique, 0);
  return unique;
}
