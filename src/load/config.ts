import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at, LadderError } from '../errors.js';
import type { LadderConfig, LadderConfigSchema as ConfigSchema } from '../schema/config.js';

export const CONFIG_FILE = 'ladder.yaml';

const FORMAT_HINT = '; use levels-in-one-file, role-per-file (the default), or "reader: levels-in-one-file" with "levelHeading: 2 or 3" and "inherit: previous or none"';

/**
 * Reads `ladder.yaml` at the ladder root; no file means the defaults. yaml and zod load here, on first use.
 * Bad YAML, unknown keys and bad rule severities are errors (exit 2) naming the line, never silently ignored.
 * The rule ids are lint's to check (load cannot import the rule registry): see `ruleSettingLine`.
 */
export async function readLadderConfig(root: string): Promise<LadderConfig> {
  let text: string;
  try {
    text = readFileSync(join(root, CONFIG_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    throw new LadderError(folderUnreadable(root) ?? `${CONFIG_FILE}: cannot read (${code}); check its permissions`);
  }
  const [{ parseDocument, LineCounter, isMap, isScalar }, { LadderConfigSchema }] = await Promise.all([import('yaml'), import('../schema/config.js')]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new LadderError(at(CONFIG_FILE, lineAt(error.pos[0]), `not valid YAML: ${error.message.split('\n')[0]}`));
  }
  const result = LadderConfigSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;

  /** The line of a key (or of the value at a path), so the message points where to edit. */
  const lineOf = (path: PropertyKey[], key?: string): number => {
    const node = path.length ? doc.getIn(path as (string | number)[], true) : doc.contents;
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (isScalar(pair?.key) && pair.key.range) return lineAt(pair.key.range[0]);
    }
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineAt(range[0]) : 1;
  };
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const what = `unknown key "${key}"${issue.path.length ? ` in "${issue.path.join('.')}"` : ''}; ${keysAt(LadderConfigSchema, issue.path)}`;
    throw new LadderError(at(CONFIG_FILE, lineOf(issue.path, key), what));
  }
  const where = issue.path.join('.');
  const hint = issue.path[0] === 'rules' ? '; use off, warn or error, or [severity, { options }]' : issue.path[0] === 'format' ? FORMAT_HINT : '';
  throw new LadderError(at(CONFIG_FILE, lineOf(issue.path), `"${where}" ${issue.message}${hint}`));
}

/** The message for a ladder folder that cannot be listed (the real cause when ladder.yaml cannot be read), else null. */
function folderUnreadable(root: string): string | null {
  try {
    readdirSync(root);
    return null;
  } catch (error) {
    return `${root}: cannot read the ladder folder (${(error as NodeJS.ErrnoException).code}); check its permissions`;
  }
}

/** "the keys are …": the keys allowed where an unknown one was found, from the schema so the hint cannot go stale. */
function keysAt(schema: typeof ConfigSchema, path: PropertyKey[]): string {
  let shape: Record<string, unknown> = schema.shape;
  for (const key of path) shape = (shape[key as string] as { unwrap(): { shape: Record<string, unknown> } }).unwrap().shape;
  const keys = Object.keys(shape).map((k) => `"${k}"`);
  return keys.length > 1 ? `the keys are ${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}` : `the key is ${keys.join('')}`;
}

/** The first line of `ladder.yaml` that holds `text` (a pattern, a glob), so a finding about it points there; else 1. */
export function configLineOf(root: string, text: string): number {
  let config: string;
  try {
    config = readFileSync(join(root, CONFIG_FILE), 'utf8');
  } catch {
    return 1;
  }
  const index = config.split(/\r?\n/).findIndex((line) => line.includes(text));
  return index + 1 || 1;
}

/**
 * The line of ladder.yaml that sets rule `id` under "rules:", so lint can point at a rule id it does not
 * know; the "rules:" line itself when the id is not on a line of its own (flow style), else 1.
 */
export function ruleSettingLine(root: string, id: string): number {
  let lines: string[];
  try {
    lines = readFileSync(join(root, CONFIG_FILE), 'utf8').split(/\r?\n/);
  } catch {
    return 1;
  }
  const rules = lines.findIndex((line) => /^rules\s*:/.test(line));
  if (rules < 0) return 1;
  const block = lines.slice(rules + 1);
  const end = block.findIndex((line) => /^[^\s#]/.test(line));
  const setting = new RegExp(`^\\s+(["']?)${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:`);
  const found = (end < 0 ? block : block.slice(0, end)).findIndex((line) => setting.test(line));
  return rules + 1 + (found < 0 ? 0 : found + 1);
}
