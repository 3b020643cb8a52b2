import { readFileSync } from 'node:fs';
import { listRoleFiles } from '../load/files.js';
import { decode, notIgnored } from '../load/load-ladder.js';
import type { LadderFormat } from '../schema/config.js';
import type { LadderSurvey } from '../schema/survey.js';
import { slug } from '../text/slug.js';

/** What init makes of a ladder kept as YAML or JSON competency records: the reader that reads it, or why none can. */
export interface DataShape {
  format?: Extract<LadderFormat, { reader: 'data' }>;
  seen?: string;
  unsettled: LadderSurvey['unsettled'];
}

/** The keys each field goes by in real ladders, the reader's defaults first. */
const FIELD_NAMES = {
  id: ['id', 'key', 'code', 'ref'],
  level: ['level', 'grade', 'band', 'rank', 'seniority'],
  theme: ['theme', 'area', 'competency', 'category', 'topic', 'pillar', 'group'],
  text: ['summary', 'text', 'description', 'statement', 'expectation', 'criterion', 'behaviour', 'behavior'],
  examples: ['examples', 'example'],
} as const;
const DEFAULTS = { id: 'id', level: 'level', theme: ['theme', 'area', 'competency'], text: ['summary', 'text', 'description'], examples: 'examples' };

/** Level names in the order ladders use them, for ordering named levels that do not appear lowest first. */
const LEVEL_WORDS = ['intern', 'apprentice', 'graduate', 'associate', 'junior', 'mid', 'intermediate', 'experienced', 'senior', 'staff', 'lead', 'principal', 'distinguished', 'fellow'];

type Row = Record<string, unknown>;

/**
 * A ladder kept as data: YAML or JSON files (ladder.yaml aside) holding a list of records, each with a level
 * and an expectation text. Proposes `format: { reader: data }` naming those files, the keys where they are not
 * the defaults, and the level order; undefined when no such file exists. A data file with records that have a
 * level but no text the reader would find is named, with the keys it has.
 */
export async function dataShape(root: string, ignore: string[]): Promise<DataShape | undefined> {
  const files: string[] = [];
  const unsettled: LadderSurvey['unsettled'] = [];
  const levels: string[] = [];
  let fields: Record<string, string> = {};
  const { parse } = await import('yaml');
  for (const ref of await notIgnored(listRoleFiles(root).data, ignore)) {
    const rows = recordsIn(ref.path, parse);
    const level = keyOf(rows, FIELD_NAMES.level);
    if (rows.length < 2 || level === undefined) continue;
    const text = keyOf(rows, FIELD_NAMES.text);
    if (text === undefined) {
      const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].join(', ');
      unsettled.push({ file: ref.file, line: 1, message: `records have a "${level}" but no expectation text the reader knows (keys: ${keys}); name it under "format: fields: text:" in ladder.yaml` });
      continue;
    }
    files.push(ref.file);
    fields = { ...fields, ...namedFields(rows, level, text) };
    levels.push(...rows.map((row) => String(row[level])).filter((value) => value !== 'undefined'));
  }
  if (files.length === 0) return unsettled.length ? { unsettled } : undefined;
  const order = levelOrder([...new Set(levels)]);
  const named = Object.keys(fields).length ? { fields: fields as NonNullable<DataShape['format']>['fields'] } : {};
  const format = { reader: 'data' as const, files, ...named, ...(order.numeric ? {} : { levels: order.levels }) };
  return { format, seen: `a ladder kept as data, competency records with a level each: ${files.join(', ')}: ${order.levels.join(' → ')}`, unsettled };
}

/** The records of a YAML or JSON file: the document's list, or the first list of mappings under a key. */
function recordsIn(path: string, parse: (text: string) => unknown): Row[] {
  let data: unknown;
  try {
    const text = decode(readFileSync(path));
    data = typeof text === 'string' ? parse(text) : undefined;
  } catch {
    return [];
  }
  const isRows = (value: unknown): value is Row[] => Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
  const list = isRows(data) ? data : typeof data === 'object' && data !== null ? Object.values(data).find(isRows) : undefined;
  return (list ?? []).filter((item): item is Row => typeof item === 'object' && item !== null && !Array.isArray(item));
}

/** The first of `names` that most records have. */
function keyOf(rows: Row[], names: readonly string[]): string | undefined {
  return names.find((name) => rows.filter((row) => row[name] !== undefined).length * 2 > rows.length);
}

/** `fields:` entries for the keys the reader's defaults would miss. */
function namedFields(rows: Row[], level: string, text: string): Record<string, string> {
  const found = { id: keyOf(rows, FIELD_NAMES.id), level, theme: keyOf(rows, FIELD_NAMES.theme), text, examples: keyOf(rows, FIELD_NAMES.examples) };
  return Object.fromEntries(
    Object.entries(found).filter((entry): entry is [string, string] => {
      const [field, key] = entry;
      const defaults = DEFAULTS[field as keyof typeof DEFAULTS];
      return key !== undefined && !(Array.isArray(defaults) ? defaults.includes(key) : defaults === key);
    }),
  );
}

/** Numbers in numeric order; names in the usual order of level words when every name is one, else as first seen. */
function levelOrder(levels: string[]): { levels: string[]; numeric: boolean } {
  if (levels.every((level) => /^\d+(\.\d+)?$/.test(level))) return { levels: [...levels].sort((a, b) => Number(a) - Number(b)), numeric: true };
  const rank = (level: string) => LEVEL_WORDS.indexOf(slug(level));
  return { levels: levels.every((level) => rank(level) >= 0) ? [...levels].sort((a, b) => rank(a) - rank(b)) : levels, numeric: false };
}
