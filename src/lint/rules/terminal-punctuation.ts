import { z } from 'zod';
import type { ParsedExpectation } from '../../schema/parsed.js';
import { short } from '../../text/short.js';
import { defineRule, type LintContext, type Report } from '../rule.js';
import { checkExpectations, expectationsOf, fileOf } from './each-expectation.js';

/** Ends like a sentence, allowing closing emphasis, code, quotes or brackets after the mark; ":" opens a sub-list. */
const ENDS_SENTENCE = /[.!?:;…][*_`"'”’)\]]*$/;
/** Opens a sub-list or a quote: never counted, never flagged. */
const OPENS = /:[*_`"'”’)\]]*$/;
/** A single final period (not "..." nor "…"), with whatever closes after it: the one mark `none` takes away. */
const FINAL_PERIOD = /(?<!\.)\.[*_`"'”’)\]]*$/;
/** A period that belongs to an abbreviation ("etc.", "e.g.", "U.S."): taking it away would misspell the word. */
const ABBREVIATION = /(?:\b(?:etc|e\.g|i\.e|vs|al|inc|ltd)|(?:^|[\s.])\p{L})\.[*_`"'”’)\]]*$/iu;

/**
 * `consistent` follows the ladder's own majority, as markdownlint's consistent styles do: a convention
 * needs a clear majority (two thirds) of the ladder's expectations, and a ladder split more evenly than
 * that gets no finding at all. Fewer than MIN_EVIDENCE expectations show no convention; the period of
 * ordinary prose is expected then.
 */
const CLEAR_MAJORITY = 2 / 3;
const MIN_EVIDENCE = 10;

const OptionsSchema = z
  .object({
    style: z
      .enum(['consistent', 'period', 'none'])
      .optional()
      .describe('consistent (default): the ladder\'s clear majority; period: every expectation ends with one; none: no expectation does'),
  })
  .strict();

type Style = 'period' | 'none';
interface Convention {
  style: Style;
  /** "40 of 42 expectations end with a period", when the ladder's majority set the style. */
  evidence?: string;
}

export const terminalPunctuation = defineRule({
  meta: {
    id: 'terminal-punctuation',
    description:
      'An expectation ends differently from the ladder\'s convention: without a final period where two thirds of the ladder\'s expectations have one (or "!", "?"), or with one where two thirds have none. Option style: consistent (default), period or none.',
    severity: 'warning',
    fixable: true,
    flags: '"Ships code" in a ladder whose expectations end with a period; "Ships code." where most end without one',
    passes: '"Asks why?", "Leads:", "Knows Git, Docker, etc." and every bullet of a ladder split about evenly',
  },
  options: OptionsSchema,
  check: (ctx, { style = 'consistent' }) => {
    const convention = style === 'consistent' ? ladderConvention(ctx) : { style };
    if (!convention) return [];
    return checkExpectations(ctx, (expectation, role, lines) => {
      const file = fileOf(expectation, role);
      // The end of the line is not the end of the text in a table cell: say so rather than edit the wrong place.
      if (expectation.notFixable) {
        if (!offConvention(expectation.text, convention.style)) return [];
        const message = `${messageFor(expectation, convention)} Not fixable in this shape (${expectation.notFixable}); ${convention.style === 'period' ? 'add' : 'remove'} it by hand.`;
        return [{ file, line: expectation.line, column: expectation.column, message }];
      }
      const line = (lines[expectation.endLine - 1] ?? '').trimEnd();
      const found = convention.style === 'period' ? missingPeriod(expectation, line) : extraPeriod(expectation, line);
      return found ? [{ ...found, file, line: expectation.endLine, message: messageFor(expectation, convention) }] : [];
    });
  },
});

/** Whether the text itself breaks the convention, wherever its last character sits in the file. */
function offConvention(text: string, style: Style): boolean {
  if (style === 'period') return text !== '' && !ENDS_SENTENCE.test(text);
  return FINAL_PERIOD.test(text) && !ABBREVIATION.test(text);
}

function missingPeriod(expectation: ParsedExpectation, line: string): Omit<Report, 'file' | 'line' | 'message'> | null {
  if (!offConvention(expectation.text, 'period')) return null;
  const column = line.length + 1;
  return { column, fix: { line: expectation.endLine, column, deleteCount: 0, insertText: '.' } };
}

function extraPeriod(expectation: ParsedExpectation, line: string): Omit<Report, 'file' | 'line' | 'message'> | null {
  if (!offConvention(expectation.text, 'none')) return null;
  const period = FINAL_PERIOD.exec(line);
  // The source line ends otherwise (a link or markup the text drops): flag only what can be pointed at.
  if (!period) return null;
  const column = period.index + 1;
  return { column, fix: { line: expectation.endLine, column, deleteCount: 1, insertText: '' } };
}

function messageFor(expectation: ParsedExpectation, convention: Convention): string {
  const why = convention.evidence ? `: ${convention.evidence}` : '';
  return convention.style === 'period'
    ? `Expected a final "." after "${short(expectation.text)}", found "${expectation.text.at(-1)}"${why}.`
    : `Expected no final "." after "${short(expectation.text)}"${why}.`;
}

/** The style two thirds of the ladder's expectations follow, or null when it is split more evenly. */
function ladderConvention(ctx: LintContext): Convention | null {
  let ended = 0;
  let bare = 0;
  for (const role of ctx.roles) {
    for (const { text } of expectationsOf(role)) {
      if (text === '' || OPENS.test(text)) continue;
      if (ENDS_SENTENCE.test(text)) ended++;
      else bare++;
    }
  }
  const total = ended + bare;
  if (total < MIN_EVIDENCE) return { style: 'period' };
  if (bare >= CLEAR_MAJORITY * total) return { style: 'none', evidence: `${bare} of ${total} expectations end without a period` };
  if (ended >= CLEAR_MAJORITY * total) return { style: 'period', evidence: `${ended} of ${total} expectations end with a period` };
  return null;
}
