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
