/// <reference lib="dom" />
import type { ViewNode } from './view-node.js';

/** Builds a view as DOM in the browser: text goes in as text nodes, never parsed as HTML. */
export function viewDom(node: ViewNode | string, document: Document): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
  for (const child of node.children ?? []) element.append(viewDom(child, document));
  return element;
}
