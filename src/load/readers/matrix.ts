import type { RootContent, Table } from 'mdast';
import type { ParsedExpectation, ParsedRole, Problem } from '../../schema/parsed.js';
import { looksLikeLevel } from '../../text/level-name.js';
import { fileRoleId } from '../../text/role-id.js';
import { slug } from '../../text/slug.js';
import { textOf } from '../mdast-text.js';
import { levelId } from './levels-in-file.js';
import type { MatrixSettings } from './matrix-settings.js';
import { parseMarkdownWithTables } from '../markdown-tables.js';

/**
 * The reader for competency matrices (`format: matrix`): a sibling of the default reader,
 * src/load/parse-role.ts. A file is one track (named after the file) holding one or more tables, GFM pipe
 * tables or HTML `<table>`s. With `levels: columns` the header row names the levels and each row is a
 * competency (its first cell the name); with `levels: rows` it is the transpose. Each level is a role, each
 * competency a section of it, each item of a cell an expectation. Several tables in one file (one per area,
 * under headings) add their competencies to the same levels, matched by the level's name; a table of
 * levels all new starts a track of its own.
 * Only this module loads the GFM table extension, so other readers and commands do not pay for it.
 */

/** Text of a table cell as written, at the place its first character stands in the file. */
interface Cell {
  /** The name it reads as (emphasis and tags dropped), for level and competency names. */
  name: string;
  raw: string;
  line: number;
  column: number;
}

interface Grid {
  rows: Cell[][];
  line: number;
  /** The heading above the table, which names its track when a file holds several. */
  heading?: string;
}

/** Separates the items of a cell: `<br>`, and the tags of an HTML list or paragraph written into it. */
const ITEM_BREAK = /<br\s*\/?>|<\/?(?:ul|ol|li|p)\b[^>]*>/gi;
/** A bullet written by hand before an item ("• Writes tests", "- Writes tests", "1. Writes tests"). */
const BULLET = /^(?:[•·▪◦*+–-]|\d{1,2}[.)])\s+/u;
/** A cell that says there is nothing at this level. */
const NOTHING = /^(?:[-–—]+|n\/?a|none|tbd|\.\.\.|…)$/i;

export interface MatrixFile {
  roles: ParsedRole[];
  problems: Problem[];
}

/** Every level of a matrix file as a role. */
export function readMatrix(file: string, body: string, settings: MatrixSettings): MatrixFile {
  const tree = parseMarkdownWithTables(body);
  const problems: Problem[] = [];
  const grids = gridsOf(file, body, tree.children, problems);
  if (grids.length === 0 && problems.length === 0) {
    const message = 'holds no table, so no level is read from it; write the matrix as a Markdown or HTML table with a level per column, or add the file to "ignore:" in ladder.yaml';
    return { roles: [], problems: [{ code: 'unreadable', message, file, line: 1, column: 1 }] };
  }
  const fileId = fileRoleId(file);
  const tracks = tracksOf(grids.map((grid) => (transposed(grid, settings.levels) ? transpose(grid) : grid)));
  for (const [n, track] of tracks.entries()) {
    // One set of levels is the file's track; several (an engineering and a management table) are named by their headings.
    const name = tracks.length === 1 ? fileId : slug(track.grids[0]!.heading ?? '') || `${fileId}-${n + 1}`;
    for (const grid of track.grids) {
      for (const { level, competency, cell } of cellsOf(file, grid, problems)) {
        const role = track.levels.get(level.name.toLowerCase()) ?? addLevel(track.levels, { fileId, track: name, file }, level, settings);
        const items = itemsOf(cell);
        // An empty cell ("—", "n/a") adds nothing at that level: no section, rather than an empty one.
        if (items.length > 0) role.sections.push({ title: competency.name, line: competency.line, expectations: items });
      }
    }
  }
  return { roles: tracks.flatMap((track) => [...track.levels.values()]), problems };
}

/**
 * The file's tables grouped by the levels they name: a table sharing a level name with an earlier one adds
 * to its levels (one table per area); a table of levels all new starts another track, so a management
 * table after an engineering one does not inherit from the engineer's top level.
 */
function tracksOf(grids: Grid[]): { grids: Grid[]; levels: Map<string, ParsedRole> }[] {
  const tracks: { grids: Grid[]; names: Set<string>; levels: Map<string, ParsedRole> }[] = [];
  for (const grid of grids) {
    const names = (grid.rows[0] ?? []).slice(1).map((cell) => cell.name.toLowerCase()).filter((name) => name !== '');
    const track = tracks.find((t) => names.some((name) => t.names.has(name)));
    if (track) {
      track.grids.push(grid);
      for (const name of names) track.names.add(name);
    } else tracks.push({ grids: [grid], names: new Set(names), levels: new Map() });
  }
  return tracks;
}

function addLevel(levels: Map<string, ParsedRole>, { fileId, track, file }: { fileId: string; track: string; file: string }, level: Cell, settings: MatrixSettings): ParsedRole {
  const previous = [...levels.values()].at(-1);
  const parent = settings.inherit === 'previous' && previous ? { name: previous.id, line: level.line, column: level.column } : null;
  const role: ParsedRole = {
    id: levelId(fileId, level.name),
    title: level.name,
    titleLine: level.line,
    file,
    track,
    ...(settings.inherit === 'none' ? { declaredLevel: levels.size + 1 } : {}),
    aliases: [],
    parent,
    description: '',
    sections: [],
    strayExpectations: [],
  };
  levels.set(level.name.toLowerCase(), role);
  return role;
}

/** Each cell under a level and beside a competency; a row longer than the header is a problem, never dropped silently. */
function* cellsOf(file: string, grid: Grid, problems: Problem[]): Generator<{ level: Cell; competency: Cell; cell: Cell }> {
  const [header, ...rows] = grid.rows;
  if (!header || header.length < 2 || rows.length === 0) {
    problems.push({ code: 'unread-part', message: 'this table has no level beside its first column, or no row under its header, so nothing is read from it; give it a header row of level names and a row per competency', file, line: grid.line, column: 1 });
    return;
  }
  for (const row of rows) {
    const competency = row[0]!;
    if (competency.name === '') {
      if (row.slice(1).some((cell) => itemsOf(cell).length > 0)) problems.push({ code: 'unread-part', message: 'this row has no name in its first cell, so its cells belong to no section and are not read; name the row', file, line: competency.line, column: competency.column });
      continue;
    }
    for (const extra of row.slice(header.length)) {
      problems.push({ code: 'unread-part', message: `this cell is beyond the ${header.length - 1} levels the header names, so it is not read; add its level to the header or remove the cell`, file, line: extra.line, column: extra.column });
    }
    for (const [i, cell] of row.slice(1, header.length).entries()) {
      const level = header[i + 1]!;
      if (level.name === '') problems.push({ code: 'unread-part', message: 'this column has no level name in its header, so its cells are not read; name the level', file, line: level.line, column: level.column });
      else yield { level, competency, cell };
    }
  }
}

/** Whether the table has its levels down the first column: as set, or when that column reads more like level names than the header. */
function transposed(grid: Grid, levels: MatrixSettings['levels']): boolean {
  if (levels !== 'detect') return levels === 'rows';
  const [header = [], ...rows] = grid.rows;
  const score = (cells: (Cell | undefined)[]) => cells.filter((cell) => cell && looksLikeLevel(cell.name)).length / Math.max(1, cells.length);
  return score(rows.map((row) => row[0])) > score(header.slice(1));
}

function transpose(grid: Grid): Grid {
  const width = Math.max(...grid.rows.map((row) => row.length));
  const rows = Array.from({ length: width }, (_, c) => grid.rows.map((row) => row[c] ?? { name: '', raw: '', line: row[0]!.line, column: 1 }));
  return { ...grid, rows };
}

/**
 * The expectations of a cell: its items split at `<br>` (or HTML list tags), a hand-written bullet and
 * surrounding space dropped, each at the line and column where its text starts. "—", "n/a" and blank
 * cells hold none. An escaped `\|` reads as `|`.
 */
function itemsOf(cell: Cell): ParsedExpectation[] {
  const items: ParsedExpectation[] = [];
  let start = 0;
  for (const end of [...cell.raw.matchAll(ITEM_BREAK)].map((m) => [m.index, m.index + m[0].length] as const).concat([[cell.raw.length, cell.raw.length]])) {
    const piece = cell.raw.slice(start, end[0]);
    start = end[1];
    const lead = piece.length - piece.trimStart().length;
    const bullet = BULLET.exec(piece.trimStart())?.[0].length ?? 0;
    const text = piece.trim().slice(bullet).trim().replace(/\\\|/g, '|');
    if (text === '' || NOTHING.test(nameOf(text))) continue;
    const offset = end[0] - piece.length + lead + bullet;
    const { line, column } = placeIn(cell, offset);
    items.push({ text, line, column, endLine: line, notFixable: 'a table cell' });
  }
  return items;
}

/** The line and column of a character of a cell's raw text (HTML cells may span lines). */
function placeIn(cell: Cell, offset: number): { line: number; column: number } {
  const before = cell.raw.slice(0, offset);
  const breaks = before.split('\n');
  return breaks.length === 1 ? { line: cell.line, column: cell.column + offset } : { line: cell.line + breaks.length - 1, column: breaks.at(-1)!.length + 1 };
}

/** The tables of a file, pipe and HTML, in file order. */
function gridsOf(file: string, body: string, nodes: RootContent[], problems: Problem[]): Grid[] {
  const grids: Grid[] = [];
  const offsets = lineOffsets(body);
  let heading: string | undefined;
  const under = (grid: Grid): Grid => (heading === undefined ? grid : { ...grid, heading });
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading') heading = textOf(node).trim();
    else if (node.type === 'table') grids.push(under(pipeGrid(node, body)));
    else if (node.type === 'html' && /<table\b/i.test(node.value)) {
      const start = node.position!.start.offset! + node.value.search(/<table\b/i);
      const close = body.slice(start).search(/<\/table\s*>/i);
      if (close < 0) {
        const line = lineAt(offsets, start);
        problems.push({ code: 'unread-part', message: 'this HTML table is never closed, so it is not read; add "</table>"', file, line, column: 1 });
        break;
      }
      grids.push(under(htmlGrid(file, body, start, start + close, offsets, problems)));
      const end = start + close;
      // A blank line inside the table splits it into several HTML blocks: skip those the table covers.
      while (i + 1 < nodes.length && nodes[i + 1]!.position!.start.offset! < end) i++;
    }
  }
  return grids;
}

function pipeGrid(table: Table, body: string): Grid {
  const rows = table.children.map((row) =>
    row.children.map((cell) => {
      const first = cell.children[0]?.position;
      const last = cell.children.at(-1)?.position;
      const at = first ?? cell.position!;
      const raw = first && last ? body.slice(first.start.offset!, last.end.offset!) : '';
      // A `<br>` in a header ("Senior<br>L4") parts words; the text around it is read as it is.
      const name = nameOf(cell.children.map((child) => (child.type === 'html' ? ' ' : textOf(child))).join(''));
      return { name, raw, line: at.start.line, column: at.start.column };
    }),
  );
  return { rows, line: table.position!.start.line };
}

/**
 * An HTML table's rows and cells by their tags. Closing tags HTML lets one leave out (`</td>`, `</tr>`)
 * may be left out; a cell spanning several columns or rows cannot be placed under one level, so it is a
 * problem rather than a guess.
 */
function htmlGrid(file: string, body: string, start: number, end: number, offsets: number[], problems: Problem[]): Grid {
  const rows: Cell[][] = [];
  let open: number | undefined;
  const close = (at: number) => {
    if (open === undefined || rows.length === 0) return;
    const raw = body.slice(open, at);
    const first = open + raw.length - raw.trimStart().length;
    const line = lineAt(offsets, first);
    rows.at(-1)!.push({ name: nameOf(raw.replace(/<[^>]*>/g, ' ')), raw: raw.trim(), line, column: first - offsets[line - 1]! + 1 });
    open = undefined;
  };
  for (const tag of body.slice(start, end).matchAll(/<(\/?)(tr|td|th|thead|tbody|tfoot|table)\b([^>]*)>/gi)) {
    const at = start + tag.index;
    const [closing, name, attributes] = [tag[1] === '/', tag[2]!.toLowerCase(), tag[3] ?? ''];
    close(at);
    if (closing || !['tr', 'td', 'th'].includes(name)) continue;
    if (name === 'tr') rows.push([]);
    else {
      const span = /\b(colspan|rowspan)\s*=\s*["']?(\d+)/i.exec(attributes);
      if (span && Number(span[2]) > 1) {
        problems.push({ code: 'unread-part', message: `this cell spans ${span[2]} ${span[1]!.toLowerCase() === 'colspan' ? 'columns' : 'rows'}, so it cannot be placed under one level and is not read; write one cell per level`, file, line: lineAt(offsets, at), column: at - offsets[lineAt(offsets, at) - 1]! + 1 });
      }
      if (rows.length === 0) rows.push([]);
      open = at + tag[0].length;
    }
  }
  close(end);
  return { rows: rows.filter((row) => row.length > 0), line: lineAt(offsets, start) };
}

/** A level or competency name as read: emphasis, tags and entities of its text resolved, space collapsed. */
function nameOf(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&mdash;/g, '—')
    .replace(/&ndash;/g, '–')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineOffsets(body: string): number[] {
  const offsets = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) offsets.push(i + 1);
  return offsets;
}

/** 1-based line of a character offset. */
function lineAt(offsets: number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (offsets[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
