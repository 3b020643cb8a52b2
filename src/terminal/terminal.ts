import { plural } from '../format/plural.js';

/**
 * What the entry point decides about the terminal it writes to: colour, width, paging and progress. Only
 * src/cli.ts uses this; the commands and renderers are handed the answers.
 */
export interface Terminal {
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** The terminal's size, when it is one and tells it. */
  columns?: number;
  rows?: number;
}

/**
 * Colour as the common conventions have it: `--color`/`--no-color` first, then FORCE_COLOR (which wins
 * over a pipe, so `| less -R` keeps colour; `0` or `false` turns it off), then NO_COLOR (set and not
 * empty), then whether stdout is a terminal that is not `dumb`.
 */
export function colourWanted(flag: boolean | undefined, { env, isTTY }: Terminal): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

/** The columns to wrap to: $COLUMNS, else the terminal's; none when stdout is not a terminal. */
export function terminalWidth({ env, isTTY, columns }: Terminal): number | undefined {
  if (!isTTY) return undefined;
  // A pseudo-terminal that was never sized reports 0 columns: that is no size, not a zero width.
  return positive(env.COLUMNS) ?? positive(String(columns ?? ''));
}

/**
 * The pager to send output through, as git and gh choose it: $LADDER_PAGER, $PAGER, else `less -FRX`; none
 * off a terminal, in CI, on a dumb terminal, when the output fits the screen, or when the pager is set
 * empty or to `cat`.
 */
export function pagerFor(text: string, { env, isTTY, rows }: Terminal): string | undefined {
  if (!isTTY || env.CI || env.TERM === 'dumb') return undefined;
  const height = positive(env.LINES) ?? positive(String(rows ?? ''));
  if (height === undefined || text.split('\n').length - 1 < height) return undefined;
  const command = (env.LADDER_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return command === '' || command === 'cat' ? undefined : command;
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** How long loading runs before it shows progress: quicker runs would only flicker. */
const PROGRESS_AFTER_MS = 1000;
/** How often the progress line is redrawn at most. */
const REDRAW_MS = 100;

export interface Progress {
  report: (parsed: number, total: number) => void;
  /** Erases the progress line, if one is shown, before anything else is written. */
  clear: () => void;
}

/**
 * "parsed 120 of 4,000 files" on stderr, redrawn in place, once loading has taken more than a second;
 * none when stderr is not a terminal or in CI, where a log would keep every redraw.
 */
export function progressLine(write: (text: string) => void, { stderrIsTTY, env }: { stderrIsTTY: boolean; env: Terminal['env'] }, now = Date.now): Progress | undefined {
  if (!stderrIsTTY || env.CI) return undefined;
  const start = now();
  let drawn = -Infinity;
  let shown = false;
  return {
    report(parsed, total) {
      const time = now();
      if (time - start < PROGRESS_AFTER_MS || (time - drawn < REDRAW_MS && parsed < total)) return;
      drawn = time;
      shown = true;
      write(`\rparsed ${parsed} of ${plural(total, 'file')}\x1b[K`);
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
