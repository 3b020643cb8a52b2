import type { LadderGraph } from '../schema/graph.js';
import type { Outputs } from './outputs.js';

export type GraphRenderer = (graph: LadderGraph) => string;

/** `ladder graph --format <name>`. */
export const graphOutputs: Outputs<GraphRenderer, 'mermaid' | 'dot' | 'json'> = {
  default: 'mermaid',
  formats: {
    mermaid: async () => (await import('./graph-mermaid.js')).formatGraphMermaid,
    dot: async () => (await import('./graph-dot.js')).formatGraphDot,
    json: async () => (await import('./json.js')).formatJson,
  },
};
