import type { ParseCacheOptions } from '../load/parse-cache.js';

/** What a command gets from the entry point: no globals, so tests can run commands in-process. */
export interface CommandContext {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--ladder`, if given. */
  ladder?: string;
  /** `--example`: read the ladder bundled with the tool, on purpose. */
  example?: boolean;
  /** Whether output may carry ANSI colour: --color, FORCE_COLOR, else a TTY without NO_COLOR or --no-color. */
  color: boolean;
  /** The terminal's columns that human-readable output wraps to; none when the output is piped. */
  width?: number;
  /** Told how many of the files being parsed are done, for a progress line on a terminal. */
  progress?: (parsed: number, total: number) => void;
  /** The ladder that ships with the tool. */
  bundledLadder: string;
  /** The tool's version, for output that records what wrote it. */
  version: string;
  /** Where and under which build parsed files may be cached between runs; none when caching is off. */
  cache?: ParseCacheOptions;
}

/** What a command hands back; only src/cli.ts writes it out. */
export interface CommandResult {
  stdout: string;
  /** More output after `stdout`, a piece at a time (text, or text already encoded): for output too large to hold as one string. */
  chunks?: Iterable<string | Uint8Array>;
  /** One line each, printed on stderr as warnings. */
  warnings: string[];
  /** One line each, printed on stderr as errors after the warnings: why a run that printed its output failed. */
  errors?: string[];
  exitCode: number;
}

/**
 * How commands that read the ladder find and load it. `fallback`: whether the bundled example may stand in
 * (with a note) when no ladder is found; commands that check or change a ladder pass false.
 */
export function locateOptions(ctx: CommandContext, { fallback = true } = {}) {
  return {
    flag: ctx.ladder,
    env: ctx.env.LADDER_DIR,
    cwd: ctx.cwd,
    bundled: ctx.bundledLadder,
    example: ctx.example,
    fallback,
    cache: ctx.cache,
    progress: ctx.progress,
  };
}
