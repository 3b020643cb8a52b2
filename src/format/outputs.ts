import { LadderError, quoted } from '../errors.js';

/**
 * One command's outputs: every format it prints, by name, each renderer imported only when its format is
 * asked for, so that starting the program reads the names alone. Commander's `--format` choices, its
 * `--help` and shell completion are all derived from here; `--json` asks for the `json` entry.
 */
export interface Outputs<Render, Name extends string = string> {
  /** What is printed without `--format`; none where `--format` is required. */
  readonly default?: NoInfer<Name>;
  /** In the order `--help` and completion offer them. */
  readonly formats: Readonly<Record<Name, () => Promise<Render>>>;
}

export function outputNames<Name extends string>(outputs: Outputs<unknown, Name>): Name[] {
  return Object.keys(outputs.formats) as Name[];
}

/**
 * The format `--format` and `--json` ask for: `--json` is the `json` entry. The command line refuses the
 * two when they disagree before a command runs (src/cli.ts), since only it knows a default from a choice.
 */
export function chosenOutput<Name extends string>(outputs: Outputs<unknown, Name>, options: { format?: string; json?: boolean }): Name {
  const name = options.json ? 'json' : (options.format ?? outputs.default);
  const known = outputNames(outputs).find((candidate) => candidate === name);
  if (!known) throw new LadderError(name === undefined ? 'no --format given' : `unknown format ${quoted(name)}; use one of ${outputNames(outputs).join(', ')}`);
  return known;
}

/** The renderer of the format `--format` and `--json` ask for, imported now. */
export function loadOutput<Render, Name extends string>(outputs: Outputs<Render, Name>, options: { format?: string; json?: boolean }): Promise<Render> {
  return outputs.formats[chosenOutput(outputs, options)]();
}
