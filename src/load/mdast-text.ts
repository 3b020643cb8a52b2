import type { Nodes } from 'mdast';

/** Plain text of a node, iteratively (deeply nested inline Markdown must not overflow the stack). */
export function textOf(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string' && current.type !== 'html') text += current.value;
    else if ('children' in current) stack.push(...[...current.children].reverse());
  }
  return text;
}
