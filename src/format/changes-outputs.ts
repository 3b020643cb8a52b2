import type { LadderChanges } from '../schema/changes.js';
import type { Outputs } from './outputs.js';

export type ChangesRenderer = (changes: LadderChanges, options: { color: boolean }) => string;

/** `ladder changes --format <name>`. */
export const changesOutputs: Outputs<ChangesRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./changes-text.js')).formatChangesText,
    json: async () => (await import('./json.js')).formatJson,
    markdown: async () => (await import('./changes-markdown.js')).formatChangesMarkdown,
  },
};
