/** A line of a file with the line ending that closes it ('' for a last line without one). */
export interface SourceLine {
  text: string;
  eol: string;
}

/**
 * Splits text into lines, keeping each line's own ending. Lone CRs end a line too, as they do for the
 * loader, so line numbers agree with the parsed roles. A final line ending opens no extra line.
 */
export function splitLines(text: string): SourceLine[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: SourceLine[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i]!, eol: parts[i + 1] ?? '' });
  if (lines.length > 1 && lines.at(-1)!.text === '' && lines.at(-1)!.eol === '') lines.pop();
  return lines;
}

/** The line ending most of the file uses, for lines a fix adds. */
export function dominantEol(lines: SourceLine[]): string {
  let crlf = 0;
  let lf = 0;
  for (const { eol } of lines) {
    if (eol === '\r\n') crlf++;
    else if (eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
