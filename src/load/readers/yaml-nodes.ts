import type { LineCounter, Node, Scalar, YAMLMap } from 'yaml';
import type { ParsedExpectation, Problem } from '../../schema/parsed.js';

type Yaml = typeof import('yaml');

/**
 * Reading YAML (or JSON) nodes with where they are in the file, for the readers of ladders kept as data.
 * `lineOffset` is the number of file lines before the YAML starts: 1 for front matter (the opening `---`), 0
 * for a data file. Every place is the node's own, so a finding points at the item as written.
 */
export interface YamlReading {
  yaml: Yaml;
  counter: LineCounter;
  lineOffset: number;
  file: string;
  problems: Problem[];
  code: Problem['code'];
}

export function placeOf(reading: YamlReading, offset: number): { line: number; column: number } {
  const { line, col } = reading.counter.linePos(offset);
  return { line: line + reading.lineOffset, column: col };
}

/** A problem at a node (or at the start of the YAML when there is none). */
export function reportAt(reading: YamlReading, node: Node | null | undefined, message: string): void {
  const place = placeOf(reading, node?.range?.[0] ?? 0);
  reading.problems.push({ code: reading.code, message, file: reading.file, ...place });
}

/** The value node at `key` of a map, or undefined. */
export function valueAt(reading: YamlReading, map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => reading.yaml.isScalar(item.key) && String(item.key.value) === key);
  return reading.yaml.isNode(pair?.value) ? pair.value : undefined;
}

/** The node of the key itself, for a line to point at. */
export function keyAt(reading: YamlReading, map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => reading.yaml.isScalar(item.key) && String(item.key.value) === key);
  return reading.yaml.isNode(pair?.key) ? pair.key : undefined;
}

/** The first of `keys` the map has, with its value. */
export function firstValueAt(reading: YamlReading, map: YAMLMap, keys: readonly string[]): { key: string; node: Node } | undefined {
  for (const key of keys) {
    const node = valueAt(reading, map, key);
    if (node) return { key, node };
  }
  return undefined;
}

/** A scalar's value as text, trimmed; undefined for anything that is not a scalar, or is empty. */
export function scalarText(reading: YamlReading, node: Node | undefined): string | undefined {
  if (!reading.yaml.isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const text = String(node.value).trim();
  return text === '' ? undefined : text;
}

/**
 * The text items of a list (or of one scalar written in place of a list), each as an expectation with its
 * place. An item that is not text (a map, a nested list) is reported, naming what to write instead.
 */
export function textItems(reading: YamlReading, node: Node | undefined, what: string): ParsedExpectation[] {
  if (node === undefined || (reading.yaml.isScalar(node) && (node.value === null || node.value === ''))) return [];
  const items = reading.yaml.isSeq(node) ? node.items : [node];
  return items.flatMap((item) => {
    const text = scalarText(reading, item as Node);
    if (text === undefined) {
      if (!(reading.yaml.isScalar(item) && (item.value === null || item.value === ''))) reportAt(reading, item as Node, `${what} is not text; write each as a string`);
      return [];
    }
    return [expectationOf(reading, item as Scalar, text)];
  });
}

function expectationOf(reading: YamlReading, scalar: Scalar, text: string): ParsedExpectation {
  const [start, end] = scalar.range!;
  const place = placeOf(reading, start);
  // The value ends before a block scalar's last line break: its last character is on the value's last line.
  return { text, ...place, endLine: placeOf(reading, Math.max(start, end - 1)).line };
}

/** Parses YAML (or JSON, which the same parser reads) with line counting; reports the first syntax error. */
export function parseYaml(reading: Omit<YamlReading, 'counter'>, text: string): { reading: YamlReading; contents: Node | null } | undefined {
  const counter = new reading.yaml.LineCounter();
  const full: YamlReading = { ...reading, counter };
  const doc = reading.yaml.parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const place = placeOf(full, error.pos[0]);
    const subject = reading.code === 'front-matter' ? 'front matter is not valid YAML' : 'not valid YAML or JSON';
    reading.problems.push({ code: reading.code, message: `${subject}: ${error.message.split('\n')[0]!.trim()}`, file: reading.file, ...place });
    return undefined;
  }
  return { reading: full, contents: doc.contents as Node | null };
}
