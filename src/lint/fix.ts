import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { at, LadderError } from '../errors.js';
import type { LoadedLadder, SourceFile } from '../load/load-ladder.js';
import { whyNotReplaceable, writeFileAtomic } from '../write/write-atomic.js';
import { dominantEol, splitLines } from './lines.js';

/**
 * A fix as data, applied later by `applyFixes`: replace `deleteCount` characters at a 1-based `column`
 * of a line with `insertText` (a "\n" in it becomes the file's own line ending), or delete a whole line.
 */
export type Fix = { line: number; column: number; deleteCount: number; insertText: string } | { line: number; deleteLine: true };

/** The fixes of a list of findings, grouped by file, in finding order. */
export function fixesByFile(findings: { file: string; fix?: Fix }[]): Map<string, Fix[]> {
  const byFile = new Map<string, Fix[]>();
  for (const { file, fix } of findings) if (fix) byFile.set(file, [...(byFile.get(file) ?? []), fix]);
  return byFile;
}

/**
 * Rewrites every file of `ladder` with fixable findings; returns how many files changed, and a warning for
 * each file left alone because it may not be replaced (read-only, or another user's).
 */
export function fixFiles(ladder: LoadedLadder<SourceFile>, findings: { file: string; fix?: Fix }[]): { changed: number; notFixed: string[] } {
  const sources = new Map(ladder.sources.map((source) => [source.file, source.text]));
  // A file the loader could not read whole (bad front matter, parser limits) is never rewritten: a fix
  // computed from a partial reading could damage what was not understood.
  const unreadable = new Set(ladder.problems.map((problem) => problem.file));
  let changed = 0;
  const notFixed: string[] = [];
  for (const [file, fixes] of fixesByFile(findings)) {
    if (unreadable.has(file)) continue;
    const path = join(ladder.root, file);
    const original = readAgain(file, path);
    // The loader drops a byte order mark; put it back so nothing but the fixes changes.
    const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
    const linted = sources.get(file);
    if (original.slice(bom.length) !== linted) throw new LadderError(`${file}: changed while it was being linted; run ladder lint --fix again`);
    const fixed = bom + applyFixes(linted, fixes);
    if (fixed === original) continue;
    const refusal = whyNotReplaceable(path, statSync(path));
    if (refusal) {
      notFixed.push(at(file, undefined, `not fixed: ${refusal}`));
      continue;
    }
    writeFileAtomic(path, fixed);
    changed++;
  }
  return { changed, notFixed };
}

/** The file as it is on disk now, BOM included, to check it is still what was linted. */
function readAgain(file: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new LadderError(`${file}: cannot read it again to fix it (${(error as NodeJS.ErrnoException).code}); run ladder lint --fix again`);
  }
}

/**
 * Applies fixes to a file's text and returns the new text; pure. Everything not covered by a fix stays
 * byte for byte, line endings included. Of two fixes that overlap, the first given wins, so a run never
 * produces text that no single rule asked for.
 */
export function applyFixes(text: string, fixes: Fix[]): string {
  const lines = splitLines(text);
  const eol = dominantEol(lines);
  const deleted = new Set(fixes.filter((fix) => 'deleteLine' in fix).map((fix) => fix.line));
  const edits = new Map<number, { column: number; deleteCount: number; insertText: string }[]>();
  for (const fix of fixes) {
    if ('deleteLine' in fix || deleted.has(fix.line)) continue;
    const onLine = edits.get(fix.line) ?? [];
    const end = fix.column + fix.deleteCount;
    const overlaps = onLine.some((e) => fix.column < e.column + e.deleteCount && e.column < end);
    if (!overlaps) onLine.push({ ...fix, insertText: fix.insertText.replace(/\n/g, eol) });
    edits.set(fix.line, onLine);
  }
  let out = '';
  lines.forEach((line, index) => {
    const number = index + 1;
    if (deleted.has(number)) return;
    out += editLine(line.text, edits.get(number) ?? []) + line.eol;
  });
  return out;
}

/** Right to left, so earlier columns stay valid; at one column a deletion goes before an insertion. */
function editLine(text: string, edits: { column: number; deleteCount: number; insertText: string }[]): string {
  const ordered = [...edits].sort((a, b) => b.column - a.column || b.deleteCount - a.deleteCount);
  let result = text;
  for (const { column, deleteCount, insertText } of ordered) {
    result = result.slice(0, column - 1) + insertText + result.slice(column - 1 + deleteCount);
  }
  return result;
}
