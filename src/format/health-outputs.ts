import type { LadderHealth } from '../schema/health.js';
import type { Outputs } from './outputs.js';

export type HealthRenderer = (health: LadderHealth, options: { color: boolean }) => string;

/** `ladder health --format <name>`. */
export const healthOutputs: Outputs<HealthRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./health-text.js')).formatHealthText,
    json: async () => (await import('./json.js')).formatJson,
    markdown: async () => (await import('./health-markdown.js')).formatHealthMarkdown,
  },
};
