import type { Node } from 'yaml';
import type { ParsedExpectation, ParsedRole, ParsedSection, Problem } from '../../schema/parsed.js';
import { fileRoleId } from '../../text/role-id.js';
import { slug } from '../../text/slug.js';
import type { DataLadder } from './data-ladder-settings.js';
import { firstValueAt, parseYaml, placeOf, reportAt, scalarText, textItems, type YamlReading } from './yaml-nodes.js';

// The reader for ladders kept as YAML or JSON data (`format: { reader: data }`), the shape of the Financial
// Times engineering competencies: a sibling of the default reader, src/load/parse-role.ts. A file holds a
// list of competencies (at the top, or under one key such as `competencies:`), each a record:
//
//     - id: 9c1f3
//       level: junior
//       area: Delivery
//       summary: Breaks work down into small, shippable pieces
//       examples: [Split the billing migration into four reviewable changes]
//
// Each level is a role (id the slug of the level, title the level as written), each theme a section, each
// competency an expectation at its own line and column, its `id` kept as the expectation id. The keys can be
// renamed in ladder.yaml; levels are ordered as ladder.yaml lists them, else by number when every level is a
// number, else as they first appear.

/** One competency as read: its level, theme and expectation. */
interface Competency {
  level: string;
  theme: string;
  themeLine: number;
  /** Where its id is written, for a repeated id to be reported there. */
  idPlace: { line: number; column: number };
  expectation: ParsedExpectation;
}

/** The roles one data file holds, one per level. */
export async function readDataLadder(file: string, text: string, settings: DataLadder): Promise<{ roles: ParsedRole[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const parsed = parseYaml({ yaml: await import('yaml'), lineOffset: 0, file, problems, code: 'data' }, text);
  if (!parsed) return { roles: [], problems };
  const { reading, contents } = parsed;
  const records = recordList(reading, contents);
  if (!records) {
    reportAt(reading, contents, `holds no list of competencies (records with ${names(settings.fields.level)} and ${names(settings.fields.text)}); check "format: files:" in ladder.yaml`);
    return { roles: [], problems };
  }
  const competencies = records.items.flatMap((record) => competencyOf(reading, record as Node, settings));
  reportRepeatedIds(reading, competencies);
  return { roles: rolesOf(file, competencies, settings), problems };
}

/** The list of records: the document itself, or the first key whose value is a list of mappings. */
function recordList(reading: YamlReading, contents: Node | null) {
  const { yaml } = reading;
  if (yaml.isSeq(contents)) return contents;
  if (!yaml.isMap(contents)) return undefined;
  for (const pair of contents.items) if (yaml.isSeq(pair.value) && pair.value.items.some((item) => yaml.isMap(item))) return pair.value;
  return undefined;
}

function competencyOf(reading: YamlReading, record: Node, settings: DataLadder): Competency[] {
  const { fields } = settings;
  if (!reading.yaml.isMap(record)) {
    reportAt(reading, record, `a competency must be a mapping with ${names(fields.level)}, ${names(fields.theme)} and ${names(fields.text)}`);
    return [];
  }
  const level = scalarText(reading, firstValueAt(reading, record, fields.level)?.node);
  const text = firstValueAt(reading, record, fields.text);
  const theme = firstValueAt(reading, record, fields.theme);
  const missing = [level === undefined && names(fields.level), text === undefined && names(fields.text)].filter(Boolean);
  if (missing.length > 0) {
    reportAt(reading, record, `competency has no ${missing.join(' or ')}; add it, or name the key under "format: fields:" in ladder.yaml`);
    return [];
  }
  if (!reading.yaml.isScalar(text!.node)) {
    reportAt(reading, text!.node, `"${text!.key}" of a competency must be one text, not a list or mapping`);
    return [];
  }
  const [expectation] = textItems(reading, text!.node, 'a competency text');
  if (!expectation) return [];
  const idNode = firstValueAt(reading, record, fields.id)?.node;
  const id = scalarText(reading, idNode);
  const examples = textItems(reading, firstValueAt(reading, record, fields.examples)?.node, 'an example').map((example) => example.text);
  const themeName = scalarText(reading, theme?.node) ?? 'Competencies';
  const themeLine = theme ? placeOf(reading, theme.node.range![0]).line : expectation.line;
  const idPlace = idNode?.range ? placeOf(reading, idNode.range[0]) : { line: expectation.line, column: expectation.column };
  return [{ level: level!, theme: themeName, themeLine, idPlace, expectation: { ...expectation, ...(id !== undefined ? { id } : {}), ...(examples.length ? { examples } : {}) } }];
}

/**
 * Two competencies with one id would be one expectation to exports and evidence: each repeat is reported, and
 * read as `<id>-2`, `<id>-3`… meanwhile, so no two expectations share an id.
 */
function reportRepeatedIds(reading: YamlReading, competencies: Competency[]): void {
  const first = new Map<string, { line: number; count: number }>();
  for (const competency of competencies) {
    const { id } = competency.expectation;
    if (id === undefined) continue;
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, { line: competency.idPlace.line, count: 1 });
      continue;
    }
    seen.count++;
    competency.expectation = { ...competency.expectation, id: `${id}-${seen.count}` };
    reading.problems.push({ code: 'data', message: `competency id "${id}" is already used on line ${seen.line}; give each competency its own id`, file: reading.file, ...competency.idPlace });
  }
}

function rolesOf(file: string, competencies: Competency[], settings: DataLadder): ParsedRole[] {
  const levels = levelOrder(competencies.map((c) => c.level), settings.levels);
  const track = fileRoleId(file.replace(/\.(ya?ml|json)$/i, '.md'));
  const roles: ParsedRole[] = [];
  levels.forEach((level, i) => {
    const own = competencies.filter((c) => c.level === level);
    const previous = roles.at(-1);
    const titleLine = own[0]?.expectation.line ?? 1;
    roles.push({
      // A bare number makes a poor id to type or link to: level 2 is `level-2`, titled "Level 2".
      id: /^\d/.test(level) ? `level-${slug(level)}` : slug(level) || `level-${i + 1}`,
      title: /^\d/.test(level) ? `Level ${level}` : level.charAt(0).toUpperCase() + level.slice(1),
      titleLine,
      file,
      track,
      declaredLevel: i + 1,
      aliases: level === slug(level) ? [] : [level],
      parent: settings.inherit === 'previous' && previous ? { name: previous.id, line: titleLine, column: 1 } : null,
      description: '',
      sections: sectionsOf(own),
      strayExpectations: [],
    });
  });
  return roles;
}

/** The levels as ladder.yaml lists them (then any it leaves out, as found), else numeric or first-seen order. */
function levelOrder(found: string[], listed: string[] | undefined): string[] {
  const seen = [...new Set(found)];
  if (listed) return [...listed.filter((level) => seen.includes(level)), ...seen.filter((level) => !listed.includes(level))];
  return seen.every((level) => /^\d+(\.\d+)?$/.test(level)) ? seen.sort((a, b) => Number(a) - Number(b)) : seen;
}

/** Sections by theme, in the order themes first appear at the level. */
function sectionsOf(competencies: Competency[]): ParsedSection[] {
  const sections = new Map<string, ParsedSection>();
  for (const { theme, themeLine, expectation } of competencies) {
    const section = sections.get(theme) ?? { title: theme, line: themeLine, expectations: [] };
    section.expectations.push(expectation);
    sections.set(theme, section);
  }
  return [...sections.values()];
}

function names(keys: string[]): string {
  return keys.map((key) => `"${key}"`).join(' or ');
}
