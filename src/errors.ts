/**
 * The one error type the core throws on purpose. `src/cli.ts` prints `message` as a single line and
 * exits with `exitCode`; anything else that escapes is a bug and also maps to exit 2.
 */
export class LadderError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'LadderError';
  }
}

/** `file:line: message`, the shape editors and CI logs turn into links. */
export function at(file: string, line: number | undefined, message: string): string {
  return line ? `${file}:${line}: ${message}` : `${file}: ${message}`;
}

/** The most of one input a message repeats: enough to recognise it, short enough to keep the message readable. */
export const ECHO_LIMIT = 80;

/**
 * User input as a message repeats it, in double quotes: a role name, a section, a format, a revision. A
 * longer input (a pasted file, a runaway script) is cut to its first ECHO_LIMIT characters, whole code
 * points only, and says how long it was.
 */
export function quoted(input: string): string {
  return within('"', input);
}

/** Commander's own errors quote what they could not use in single quotes ('…'): cut those the same way. */
export function clipQuotedInputs(message: string): string {
  return message.replace(longSingleQuoted, (_match, input: string) => within("'", input));
}

const longSingleQuoted = new RegExp(`'([^'\\n]{${ECHO_LIMIT + 1},})'`, 'g');

function within(quote: string, input: string): string {
  const characters = input.length > ECHO_LIMIT ? [...input] : [];
  if (characters.length <= ECHO_LIMIT) return `${quote}${input}${quote}`;
  return `${quote}${characters.slice(0, ECHO_LIMIT).join('')}…${quote} (${characters.length} characters)`;
}
