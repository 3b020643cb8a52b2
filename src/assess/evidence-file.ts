import { at, LadderError } from '../errors.js';
import type { EvidenceItem } from '../schema/evidence.js';

/** Evidence for one expectation id, where the file has it. */
export interface EvidenceEntry {
  id: string;
  /** The line of the id (its YAML key or Markdown heading), for messages and `--fix`. */
  line: number;
  /** Where the id's characters sit in the file's text, so `--fix` can replace exactly them. */
  range: [number, number];
  /** The expectation text the file records beside the id (the comment above it, the heading's text), if any. */
  text: string | null;
  items: (EvidenceItem & { line: number })[];
}

/** An evidence file read: who it is about, and its entries in file order. */
export interface EvidenceRecord {
  file: string;
  kind: 'yaml' | 'markdown';
  role?: string;
  target?: string;
  entries: EvidenceEntry[];
}

/** Markdown by its extension, YAML otherwise. */
export function evidenceKind(file: string): EvidenceRecord['kind'] {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'yaml';
}

/**
 * Reads an evidence file's text. It is the user's own data and untrusted: parsed as plain data (no tags
 * that build objects, aliases capped by the library), checked against the schema, every error one line
 * naming the file and line.
 */
export async function readEvidence(file: string, text: string): Promise<EvidenceRecord> {
  return evidenceKind(file) === 'markdown' ? readMarkdownEvidence(file, text) : readYamlEvidence(file, text);
}

async function readYamlEvidence(file: string, text: string): Promise<EvidenceRecord> {
  const [{ parseDocument, LineCounter, isMap, isScalar, isSeq }, { EvidenceFileSchema }] = await Promise.all([import('yaml'), import('../schema/evidence.js')]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new LadderError(at(file, lineAt(error.pos[0]), `not valid YAML: ${error.message.split('\n')[0]}; fix the file and run again`));
  }
  const result = EvidenceFileSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: number[] } | undefined;
    const where = issue.path.length ? `"${issue.path.join('.')}": ` : '';
    const hint = ' (an evidence item has link, note, date, self and manager)';
    throw new LadderError(at(file, lineAt(node?.range?.[0]), `${where}${issue.message}${issue.code === 'unrecognized_keys' ? hint : ''}; see "Promotion prep" in the README`));
  }
  const evidence = doc.get('evidence', true);
  const entries: EvidenceEntry[] = [];
  if (isMap(evidence)) {
    evidence.items.forEach((pair, index) => {
      if (!isScalar(pair.key) || !pair.key.range) return;
      const id = String(pair.key.value);
      // The template writes each expectation's text as the comment line just above its id; the first id's comment belongs to the map.
      const comment = index === 0 ? (pair.key.commentBefore ?? evidence.commentBefore) : pair.key.commentBefore;
      const value = pair.value;
      const itemNodes = isSeq(value) ? value.items : value == null || (isScalar(value) && value.value === null) ? [] : [value];
      const items = itemNodes.map((node) => {
        const js = (node as { toJSON(): unknown }).toJSON();
        const item: EvidenceItem = typeof js === 'string' ? { note: js } : (js as EvidenceItem);
        return { ...item, line: lineAt((node as { range?: number[] }).range?.[0]) };
      });
      entries.push({ id, line: lineAt(pair.key.range[0]), range: [pair.key.range[0], pair.key.range[1]], text: lastLine(comment), items });
    });
  }
  return { file, kind: 'yaml', role: result.data.role, target: result.data.target, entries };
}

function lastLine(comment: string | null | undefined): string | null {
  const line = comment?.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
  return line ?? null;
}

const HEADING = /^##[ \t]+(.*?)[ \t]*\{#([^\s{}]+)\}[ \t]*$/;
const FIELD = /^(?:[-*+][ \t]+)?(link|date|self|manager):[ \t]*(.+?)[ \t]*$/i;
const FRONT = /^(role|target):[ \t]*(.+?)[ \t]*$/;
const URL_IN_TEXT = /<?(https?:\/\/[^\s<>)\]]+)/;

/**
 * The Markdown variant: `## <expectation text> {#<id>}` per expectation (the id in braces survives the
 * text being edited; the text is there to read). Under it each list item or paragraph is a piece of
 * evidence, its first http(s) URL its link; `Self:`, `Manager:`, `Date:` and `Link:` lines set that field
 * of the piece above them. `role:` and `target:` lines before the first heading say whose file it is.
 */
function readMarkdownEvidence(file: string, text: string): EvidenceRecord {
  const record: EvidenceRecord = { file, kind: 'markdown', entries: [] };
  let entry: EvidenceEntry | undefined;
  let fenced = false;
  let paragraph = false;
  let offset = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const heading = HEADING.exec(line);
    if (heading) {
      const idStart = start + line.lastIndexOf(`{#${heading[2]}}`) + 2;
      entry = { id: heading[2]!, line: index + 1, range: [idStart, idStart + heading[2]!.length], text: heading[1] || null, items: [] };
      record.entries.push(entry);
      paragraph = false;
      return;
    }
    if (/^##\s/.test(line)) {
      throw new LadderError(at(file, index + 1, 'heading without an expectation id; end it with {#<id>} as ladder assess --template writes it, or make it "#" or "###"'));
    }
    if (/^#{1,6}\s/.test(line)) {
      entry = undefined;
      return;
    }
    if (!entry) {
      const front = FRONT.exec(line);
      if (front) record[front[1] as 'role' | 'target'] = front[2];
      return;
    }
    if (line.trim() === '' || line.trim().startsWith('<!--')) {
      paragraph = false;
      return;
    }
    const field = FIELD.exec(line);
    if (field) {
      const key = field[1]!.toLowerCase() as 'link' | 'date' | 'self' | 'manager';
      const item = entry.items.at(-1) ?? entry.items[entry.items.push({ line: index + 1 }) - 1]!;
      item[key] = field[2];
      paragraph = false;
      return;
    }
    const listItem = /^[-*+][ \t]+(.*)$/.exec(line);
    if (listItem || !paragraph) {
      const note = (listItem ? listItem[1]! : line).trim();
      const link = URL_IN_TEXT.exec(note)?.[1];
      entry.items.push({ note, ...(link ? { link } : {}), line: index + 1 });
      paragraph = !listItem;
      return;
    }
    // A continuation line of the paragraph or list item above.
    const last = entry.items.at(-1)!;
    last.note = `${last.note ?? ''} ${line.trim()}`.trim();
    last.link ??= URL_IN_TEXT.exec(line)?.[1];
    if (last.link === undefined) delete last.link;
  });
  return record;
}
