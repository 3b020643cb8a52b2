/**
 * Fitting human-readable output to a terminal. `width` is the terminal's columns, or undefined when the
 * output is piped: then nothing is wrapped, so `grep` and files get one line per item. Widths are display
 * widths (a CJK character or an emoji takes two columns) and our own colour codes are never split.
 */

let measure: { stringWidth: typeof import('string-width').default; wrapAnsi: typeof import('wrap-ansi').default } | undefined;

/**
 * Loads what measures and wraps text. Only output to a terminal needs it, and it costs startup (string-width
 * builds an ICU segmenter, tens of milliseconds), so the entry point loads it when there is a width to fit.
 */
export async function loadWrapping(): Promise<void> {
  const [stringWidth, wrapAnsi] = await Promise.all([import('string-width'), import('wrap-ansi')]);
  measure ??= { stringWidth: stringWidth.default, wrapAnsi: wrapAnsi.default };
}

function loaded(): NonNullable<typeof measure> {
  if (!measure) throw new Error('wrapping to a width before loadWrapping()');
  return measure;
}

const COLOUR = /\x1b\[[0-9;]*m/g;

/** The narrowest a wrapped body is made, however deep its indent: below this, words stand one per line. */
const NARROWEST = 16;

/** Text written over several lines in a file (a long expectation) as the one paragraph it is. */
export function oneParagraph(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/** Prose of several paragraphs (a role's description), each made one line, blank lines between kept. */
export function paragraphs(text: string): string {
  return text.split(/\n[ \t]*\n\s*/).map(oneParagraph).join('\n\n');
}

/**
 * Columns a string takes in a terminal, colour codes not counted. Before wrapping is loaded (output that is
 * piped, so nothing is fitted) it counts characters: good enough to line up columns in a file.
 */
export function displayWidth(text: string): number {
  return measure ? measure.stringWidth(text) : [...text.replace(COLOUR, '')].length;
}

/**
 * `lead` then `text`, continuation lines indented under the text (a hanging indent under `●`, `+`, …);
 * `tail` (the role an expectation comes from) stays whole at the end, on a line of its own if it does not
 * fit after the last word.
 */
export function hang(lead: string, text: string, width: number | undefined, tail = ''): string {
  const joined = tail ? `${text} ${tail}` : text;
  if (width === undefined) return lead + joined;
  const indent = ' '.repeat(displayWidth(lead));
  const room = Math.max(NARROWEST, width - indent.length);
  const { wrapAnsi } = loaded();
  const lines = wrapAnsi(text, room, { hard: true, trim: true }).split('\n');
  if (tail) {
    const last = lines.length - 1;
    if (displayWidth(lines[last]!) + 1 + displayWidth(tail) <= room) lines[last] += ` ${tail}`;
    else lines.push(...wrapAnsi(tail, room, { hard: true, trim: true }).split('\n'));
  }
  return lines.map((line, i) => (i === 0 ? lead : indent) + line).join('\n');
}

/**
 * Every line of `text` made to fit: a line wider than the terminal wraps under its own indent, two
 * columns deeper. Lines that already fit, and all of them when piped, are left exactly as they are.
 */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const indent = /^ */.exec(line)![0];
      return hang(indent, line.slice(indent.length), width - 2).replace(/\n/g, '\n  ');
    })
    .join('\n');
}
