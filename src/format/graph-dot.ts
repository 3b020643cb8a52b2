import type { LadderGraph } from '../schema/graph.js';
import { showControlsIn } from './terminal-text.js';

/** Graphviz DOT, parents above children, one `cluster_<track>` box per track. Every id is quoted. */
export function formatGraphDot(data: LadderGraph): string {
  data = showControlsIn(data);
  const lines = ['digraph ladder {', '  rankdir=BT;', '  node [shape=box];'];
  for (const track of new Set(data.nodes.map((n) => n.track))) {
    lines.push(`  subgraph ${quote(`cluster_${track}`)} {`, `    label=${quote(track)};`);
    for (const node of data.nodes.filter((n) => n.track === track)) {
      lines.push(`    ${quote(node.id)} [label=${quote(`${node.title} (L${node.level})`)}];`);
    }
    lines.push('  }');
  }
  for (const edge of data.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
