import type { ParsedRole, Problem } from '../schema/parsed.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import { overLimit } from './markdown-limits.js';
import { outlineRole, toParsedRole, type OutlineOptions } from './parse-role.js';

/** What one file yields: its role (if it is one) and what is wrong with it. Plain data, so it can be cached. */
export interface ParsedFile {
  role: ParsedRole | null;
  problems: Problem[];
}

/** Parses one decoded role file. This module pulls in remark, so it is imported only when a file must be parsed. */
export async function parseRoleFile(file: string, text: string, options: OutlineOptions = {}): Promise<ParsedFile> {
  const problems: Problem[] = [];
  const normalized = text.replace(/\r\n?/g, '\n');
  const limit = overLimit(normalized);
  if (limit) {
    problems.push({ code: 'unreadable', message: limit.message, file, line: limit.line, column: 1 });
    return { role: null, problems };
  }
  const split = splitFrontMatter(normalized);
  if (split.unclosed) {
    problems.push({ code: 'front-matter', message: 'front matter opened with "---" on line 1 is never closed; add a closing "---" line', file, line: 1, column: 1 });
    return { role: null, problems };
  }
  let frontMatter;
  if (split.yaml !== null) {
    const read = await readFrontMatter(split.yaml, file);
    problems.push(...read.problems);
    frontMatter = read.frontMatter;
  }
  let outline;
  try {
    outline = outlineRole(split.body, options);
  } catch (error) {
    // Nesting the limits let through can still exhaust the parser's recursion: lose this file, not the run.
    if (!(error instanceof RangeError)) throw error;
    problems.push({ code: 'unreadable', message: 'too deeply nested for the Markdown parser; flatten its lists and quotes', file, line: 1, column: 1 });
    return { role: null, problems };
  }
  const role = toParsedRole(outline, file, frontMatter);
  if (!role && (outline.parent || outline.sections.length > 0)) {
    problems.push({ code: 'missing-title', message: 'looks like a role but has no title; add a "Title" line underlined with "----" at the top', file, line: 1, column: 1 });
  }
  return { role, problems };
}
