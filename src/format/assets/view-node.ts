import { escapeHtml } from '../html.js';

/**
 * A piece of page as data: the site renders it to HTML at export and the browser scripts build it as DOM
 * (text always through `textContent`), so a diff shown without script and one computed in the browser
 * are the same markup from the same code.
 */
export interface ViewNode {
  tag: string;
  attrs?: Record<string, string>;
  children?: (ViewNode | string)[];
}

export function el(tag: string, attrs: Record<string, string> = {}, ...children: (ViewNode | string)[]): ViewNode {
  return { tag, attrs, children };
}

/** Every text and attribute value escaped: ladder text is user input. */
export function viewHtml(node: ViewNode | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${node.tag}${attrs}>${(node.children ?? []).map(viewHtml).join('')}</${node.tag}>`;
}
