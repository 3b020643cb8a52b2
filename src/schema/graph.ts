import { z } from 'zod';

/** A role as a node of the ladder's picture: enough to label it and place it in its track. */
export const GraphNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  level: z.number().int(),
  track: z.string(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** "`from` inherits the expectations of `to`": child → parent, across tracks too. */
export const GraphEdgeSchema = z.object({ from: z.string(), to: z.string() });
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** `ladder graph --format json`: nodes ordered by track (as first seen), level, then id. */
export const LadderGraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type LadderGraph = z.infer<typeof LadderGraphSchema>;
