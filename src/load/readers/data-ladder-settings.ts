import type { LadderFormat } from '../../schema/config.js';

/**
 * How `format: { reader: data }` reads its records (src/load/readers/data-ladder.ts). Kept apart from the
 * reader so the loader can read the settings on every run without loading the reader and its YAML helpers.
 */
export interface DataLadder {
  files: string[];
  fields: { id: string[]; level: string[]; theme: string[]; text: string[]; examples: string[] };
  levels?: string[];
  inherit: 'previous' | 'none';
}

const DEFAULT_FIELDS: DataLadder['fields'] = {
  id: ['id'],
  level: ['level'],
  theme: ['theme', 'area', 'competency'],
  text: ['summary', 'text', 'description'],
  examples: ['examples'],
};

/** The reader settings `ladder.yaml` asks for, or undefined when it asks for another reader. */
export function dataLadderOf(format: LadderFormat | undefined): DataLadder | undefined {
  if (typeof format !== 'object' || format.reader !== 'data') return undefined;
  const named = format.fields ?? {};
  const fields = Object.fromEntries(Object.entries(DEFAULT_FIELDS).map(([key, names]) => [key, named[key as keyof typeof named] ? [named[key as keyof typeof named]!] : names]));
  return {
    files: format.files,
    fields: fields as DataLadder['fields'],
    ...(format.levels ? { levels: format.levels.map(String) } : {}),
    inherit: format.inherit ?? 'previous',
  };
}
