import { readFileSync } from 'node:fs';
import type { ParsedRole, Problem } from '../schema/parsed.js';
import { listRoleFiles, type LadderFileRef } from './files.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import { outlineRole, toParsedRole } from './parse-role.js';

/** A Markdown file of the ladder as read from disk, kept for rules that look at raw lines. */
export interface SourceFile {
  file: string;
  path: string;
  /** Decoded text, BOM removed, line endings as in the file. */
  text: string;
  /** The role it holds, if it is one. */
  roleId?: string;
}

export interface LoadedLadder {
  root: string;
  roles: ParsedRole[];
  sources: SourceFile[];
  /** What the loader could not use: every entry names a file and line. */
  problems: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads every role file under `root`. Never throws for a bad file: it becomes a problem and the rest loads. */
export async function loadLadder(root: string): Promise<LoadedLadder> {
  const { files, skipped } = listRoleFiles(root);
  const ladder: LoadedLadder = { root, roles: [], sources: [], problems: [] };
  for (const { file, reason } of skipped) ladder.problems.push({ code: 'unreadable', message: reason, file, line: 0, column: 0 });
  for (const ref of files) await loadFile(ref, ladder);
  return ladder;
}

async function loadFile(ref: LadderFileRef, ladder: LoadedLadder): Promise<void> {
  const problem = (code: string, message: string, line = 0, column = 0) =>
    ladder.problems.push({ code, message, file: ref.file, line, column });
  let bytes: Buffer;
  try {
    bytes = readFileSync(ref.path);
  } catch (error) {
    problem('unreadable', `cannot read file (${(error as NodeJS.ErrnoException).code})`);
    return;
  }
  const text = decode(bytes);
  if (typeof text !== 'string') {
    problem('encoding', `not UTF-8 text (invalid byte at offset ${text.offset}); save the file as UTF-8`, text.line, 1);
    return;
  }
  const source: SourceFile = { file: ref.file, path: ref.path, text };
  ladder.sources.push(source);
  const split = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  if (split.unclosed) {
    problem('front-matter', 'front matter opened with "---" on line 1 is never closed; add a closing "---" line', 1, 1);
    return;
  }
  let frontMatter;
  if (split.yaml !== null) {
    const read = await readFrontMatter(split.yaml, ref.file);
    ladder.problems.push(...read.problems);
    frontMatter = read.frontMatter;
  }
  const outline = outlineRole(split.body);
  const role = toParsedRole(outline, ref.file, frontMatter);
  if (role) {
    source.roleId = role.id;
    ladder.roles.push(role);
  } else if (outline.parent || outline.sections.length > 0) {
    problem('missing-title', 'looks like a role but has no title; add a "Title" line underlined with "----" at the top', 1, 1);
  }
}

/** UTF-8 text without its BOM, or where the first invalid byte is. */
function decode(bytes: Buffer): string | { offset: number; line: number } {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { offset, line };
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix (allowing a cut multi-byte sequence at the end).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
