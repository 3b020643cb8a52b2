import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { escapeHtml } from './html.js';
import { parseMarkdownWithTables } from '../load/markdown-tables.js';
import { safeLink } from './safe-link.js';

/**
 * Ladder text as HTML through a whitelist: Markdown is parsed (remark, tables as GFM has them) and only
 * known nodes become elements; raw HTML in a file is shown as the text it is, never passed through, and
 * a link keeps its target only when that is http(s) or relative. Nothing else is needed, so no sanitiser.
 */
export function parseMarkdown(markdown: string): Root {
  return parseMarkdownWithTables(markdown);
}

/**
 * One expectation's text: its inline Markdown, without a wrapping paragraph when it is one paragraph (as
 * almost all are), and its paragraphs kept when it has several.
 */
export function expectationHtml(text: string): string {
  const root = parseMarkdown(text);
  const only = root.children.length === 1 ? root.children[0] : undefined;
  return only?.type === 'paragraph' ? inlineHtml(only.children) : blockList(root.children, 0);
}

/** Block Markdown (a description, the ladder's README), its highest heading made `top` so it sits under the page's own. */
export function blocksHtml(nodes: RootContent[], top: number): string {
  const depths = nodes.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth);
  const shift = depths.length ? Math.max(0, top - Math.min(...depths)) : 0;
  return blockList(nodes, shift);
}

function blockList(nodes: RootContent[], shift: number): string {
  return nodes.map((node) => blockHtml(node, shift)).join('\n');
}

/** The text of a heading as a reader sees it, for a page title. */
export function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

export function firstHeading(root: Root): Heading | undefined {
  return root.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
}

function blockHtml(node: RootContent, shift: number): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(node.children)}</p>`;
    case 'heading': {
      const depth = Math.min(node.depth + shift, 6);
      return `<h${depth}>${inlineHtml(node.children)}</h${depth}>`;
    }
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}>${node.children.map((item) => `<li>${listItemHtml(item.children, shift)}</li>`).join('\n')}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote>${blockList(node.children, shift)}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'thematicBreak':
      return '<hr>';
    case 'table': {
      const [head, ...rows] = node.children;
      const cells = (row: typeof head, tag: string) => row!.children.map((cell) => `<${tag}>${inlineHtml(cell.children)}</${tag}>`).join('');
      const body = rows.map((row) => `<tr>${cells(row, 'td')}</tr>`).join('\n');
      return `<div class="chart" role="region" aria-label="Table" tabindex="0"><table>\n<thead><tr>${cells(head, 'th')}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
    }
    default:
      // Raw HTML, definitions and anything unforeseen: shown as the text written, so nothing is lost or run.
      return `<p>${escapeHtml(source(node))}</p>`;
  }
}

/** A tight list item's paragraph reads inline; a loose one's paragraphs and nested lists stay blocks. */
function listItemHtml(children: RootContent[], shift: number): string {
  const [first, ...rest] = children;
  if (first?.type === 'paragraph') return [inlineHtml(first.children), ...rest.map((node) => blockHtml(node, shift))].join('\n');
  return blockList(children, shift);
}

export function inlineHtml(nodes: RootContent[]): string {
  return nodes.map(inlineNodeHtml).join('');
}

function inlineNodeHtml(node: RootContent): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'emphasis':
      return `<em>${inlineHtml(node.children)}</em>`;
    case 'strong':
      return `<strong>${inlineHtml(node.children)}</strong>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'link': {
      const label = inlineHtml(node.children);
      return safeLink(node.url) ? `<a href="${escapeHtml(node.url)}">${label}</a>` : label;
    }
    case 'image':
      return escapeHtml(node.alt ?? '');
    case 'html':
      return escapeHtml(node.value);
    default:
      return 'children' in node ? inlineHtml(node.children as RootContent[]) : 'value' in node ? escapeHtml(String(node.value)) : '';
  }
}

function source(node: RootContent): string {
  return 'value' in node ? String(node.value) : plainText(node);
}
