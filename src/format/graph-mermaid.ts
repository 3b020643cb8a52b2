import type { LadderGraph } from '../schema/graph.js';
import { showControlsIn } from './terminal-text.js';

/** Words Mermaid reads as syntax when used as a bare id. */
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classdef', 'click', 'linkstyle', 'direction', 'default']);

/**
 * A Mermaid flowchart, parents above children (`BT`), one subgraph per track. Ids are rewritten to
 * `[A-Za-z0-9_]` (Mermaid misreads dashes, accents and keywords) and kept unique; labels are quoted.
 */
export function formatGraphMermaid(data: LadderGraph): string {
  data = showControlsIn(data);
  const ids = safeIds(data.nodes.map((n) => n.id));
  const tracks = safeIds([...new Set(data.nodes.map((n) => n.track))].map((t) => `track_${t}`));
  const lines = ['flowchart BT'];
  for (const [track, trackId] of tracks) {
    const name = track.slice('track_'.length);
    lines.push(`  subgraph ${trackId}["${label(name)}"]`);
    for (const node of data.nodes.filter((n) => n.track === name)) {
      lines.push(`    ${ids.get(node.id)}["${label(`${node.title} (L${node.level})`)}"]`);
    }
    lines.push('  end');
  }
  for (const edge of data.edges) lines.push(`  ${ids.get(edge.from)} --> ${ids.get(edge.to)}`);
  return lines.join('\n') + '\n';
}

/** Mermaid's own entity codes: a raw `"` ends the label, `<`/`>` would be read as HTML. */
function label(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function safeIds(names: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    let base = name.replace(/[^A-Za-z0-9]/g, '_');
    if (!/^[A-Za-z]/.test(base) || RESERVED.has(base.toLowerCase())) base = `r_${base}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(name, id);
  }
  return ids;
}
