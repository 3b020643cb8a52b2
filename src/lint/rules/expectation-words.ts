import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';
import type { LintContext } from '../rule.js';
import { expectationsOf } from './each-expectation.js';

/** A word or phrase found in an expectation: where it starts (1-based), the text as written, and its surroundings. */
export interface WordMatch {
  line: number;
  column: number;
  /** Holds a line break when the phrase is broken across lines. */
  text: string;
  before: string;
  after: string;
}

/** What an expectation's words are matched against: its source lines, read as prose. */
export interface ExpectationLines {
  role: RoleNode;
  expectation: ParsedExpectation;
  lines: { line: number; text: string }[];
}

/**
 * The source lines of every expectation of every role, with inline code, link targets and HTML tags blanked
 * out (same length, so columns stay true): a word in `code`, a URL or a tag is not the ladder's wording.
 */
export function expectationLines(ctx: LintContext): ExpectationLines[] {
  return ctx.roles.flatMap((role) => {
    const source = ctx.source(role.file);
    if (!source) return [];
    const lines = ctx.lines(source);
    return expectationsOf(role).map((expectation) => ({
      role,
      expectation,
      lines: Array.from({ length: expectation.endLine - expectation.line + 1 }, (_, i) => ({
        line: expectation.line + i,
        text: asProse(lines[expectation.line - 1 + i] ?? ''),
      })),
    }));
  });
}

function asProse(line: string): string {
  const blank = (part: string) => ' '.repeat(part.length);
  return line
    .replace(/`+[^`]*`+/g, blank)
    .replace(/\]\([^)]*\)/g, (part) => ']' + blank(part.slice(1)))
    .replace(/<[^>]*>/g, blank);
}

/** Letters, digits and hyphens make up a word: "just" is not found in "just-in-time", nor "lead" in "mislead". */
const BEFORE = String.raw`(?<![\p{L}\p{N}\-])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|-[\p{L}\p{N}])`;

/**
 * A case-insensitive, whole-word pattern for a phrase; a trailing `*` makes it a word stem ("lead*": leads,
 * leader, leadership). Spaces in a phrase match any run of spaces.
 */
export function phrasePattern(phrase: string): RegExp {
  const stem = phrase.endsWith('*');
  const words = (stem ? phrase.slice(0, -1) : phrase)
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(String.raw`\s+`);
  // A phrase ending in punctuation ("etc.") has already ended its word.
  const after = /[\p{L}\p{N}]$/u.test(words) ? AFTER : '';
  return new RegExp(`${BEFORE}${words}${stem ? String.raw`[\p{L}\p{N}\-]*` : after}`, 'giu');
}

/**
 * Every place on an expectation's lines where the pattern matches, a phrase broken across lines included,
 * with the expectation's text before and after it.
 */
export function matchesOn(lines: { line: number; text: string }[], pattern: RegExp): WordMatch[] {
  const text = lines.map((l) => l.text).join('\n');
  const starts: number[] = [];
  lines.reduce((start, l) => (starts.push(start), start + l.text.length + 1), 0);
  return [...text.matchAll(pattern)].map((match) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= match.index) index++;
    return {
      line: lines[index]!.line,
      column: match.index - starts[index]! + 1,
      text: match[0],
      before: text.slice(0, match.index),
      after: text.slice(match.index + match[0].length),
    };
  });
}
