/**
 * The Markdown parser (micromark, under remark) takes time that grows faster than the file on some
 * shapes: deep nesting of lists and quotes, long runs of emphasis and link brackets, and large files
 * in general (tens of seconds for a few hundred KB). A role file is a few KB, so these limits are far
 * beyond any real role and keep a broken or hostile file from hanging every command. A file over a
 * limit is reported with the line to fix and not parsed; the rest of the ladder loads.
 */
export const LIMITS = {
  /** Characters of one role file; the largest bundled role is 3 KB. */
  characters: 64 * 1024,
  /** Columns of indentation, list markers and `>` before a line's text: about 30 levels of nesting. */
  prefixColumns: 64,
  /** Emphasis, link and code marks (`*`, `_`, `[`, `]`, backtick) in the text of one file. */
  inlineMarks: 2000,
};

export interface LimitProblem {
  line: number;
  message: string;
}

const PREFIX = /^(?:[ \t]|>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))*/;
const INLINE_MARK = /[*_[\]`]/g;

/** The first limit the text goes over, or null when the parser can take it. */
export function overLimit(text: string): LimitProblem | null {
  if (text.length > LIMITS.characters) {
    return { line: 1, message: `file is ${Math.ceil(text.length / 1024)} KB; role files over ${LIMITS.characters / 1024} KB are not read, split it into several roles` };
  }
  let marks = 0;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const prefix = PREFIX.exec(line)![0];
    if (columns(prefix) > LIMITS.prefixColumns) {
      return { line: lineNumber, message: `lists or quotes nested too deep (${columns(prefix)} columns of indentation and markers before the text; at most ${LIMITS.prefixColumns}); flatten them` };
    }
    marks += line.slice(prefix.length).match(INLINE_MARK)?.length ?? 0;
    if (marks > LIMITS.inlineMarks) {
      return { line: lineNumber, message: `more than ${LIMITS.inlineMarks} emphasis, link or code marks (* _ [ ] \`) in one file, which the Markdown parser cannot read in reasonable time; remove them` };
    }
  }
  return null;
}

/** Width of a line prefix, a tab advancing to the next multiple of 4 as in CommonMark. */
function columns(prefix: string): number {
  let width = 0;
  for (const char of prefix) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
