import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandContext, CommandResult } from './commands/context.js';
import { clipQuotedInputs, LadderError, quoted } from './errors.js';
import { assessOutputs, changesOutputs, diffOutputs, exportOutputs, graphOutputs, healthOutputs, lintOutputs, matrixOutputs, outputNames, stepsOutputs, type Outputs } from './format/outputs.js';
import { showControls } from './format/terminal-text.js';
import { shellWord } from './text/shell-word.js';
import { colourWanted, pagerFor, progressLine, terminalWidth, type Progress } from './terminal/terminal.js';

/** Everything the program touches of its process, passed in so tests can run it in-process. */
export interface Io {
  /** May return false, as a stream's write does, when the reader is behind: see `drain`. Streamed output may come as bytes. */
  stdout: (text: string | Uint8Array) => boolean | void;
  /** Resolves once stdout has room again, so streamed output waits for a slow reader instead of piling up. */
  drain?: () => Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  /** The terminal's size when stdout is one ($COLUMNS and $LINES win): output wraps to it and pages past it. */
  columns?: number;
  rows?: number;
  /** Whether stderr is a terminal: progress is drawn there only then. */
  stderrIsTTY?: boolean;
}

const root = new URL('..', import.meta.url);
const bundledLadder = fileURLToPath(new URL('ladder', root));

/** Runs the CLI on `argv` (without `node` and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  let chunks: Iterable<string | Uint8Array> = [];
  const progress = progressLine(io.stderr, { stderrIsTTY: io.stderrIsTTY ?? false, env: io.env });
  try {
    let paged: { pager: string; text: string } | undefined;
    const program = buildProgram(argv, io, progress, (result) => {
      progress?.clear();
      // Warnings and errors quote titles and names from ladder files: never let them reach the terminal raw.
      for (const warning of result.warnings) io.stderr(`warning: ${showControls(warning)}\n`);
      for (const failure of result.errors ?? []) io.stderr(`error: ${showControls(failure)}\n`);
      // Output taller than the screen is paged once the command is done; streamed output never is.
      const pager = program.opts<{ pager: boolean }>().pager && !result.chunks ? pagerFor(result.stdout, io) : undefined;
      if (pager) paged = { pager, text: result.stdout };
      else io.stdout(result.stdout);
      chunks = result.chunks ?? [];
      exitCode = result.exitCode;
    });
    await program.parseAsync(argv, { from: 'user' });
    if (paged && !(await (await import('./terminal/pager.js')).page(paged.text, paged.pager, io.env))) io.stdout(paged.text);
    for (const chunk of chunks) if (io.stdout(chunk) === false) await io.drain?.();
    return exitCode;
  } catch (error) {
    progress?.clear();
    if (error instanceof CommanderError) {
      if (error.code === 'commander.unknownCommand') io.stderr(await unknownCommand(error.message, argv, io));
      // Help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof LadderError) {
      io.stderr(`error: ${showControls(error.message)}\n`);
      if (debug) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`error: unexpected failure: ${showControls(message.split('\n')[0]!)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

/**
 * Commander's "unknown command" error, with `ladder show <word>` offered when the word names a role of the
 * ladder the same global options would read ("ladder --ladder x vp" offers "ladder --ladder x show vp").
 */
async function unknownCommand(message: string, argv: string[], io: Io): Promise<string> {
  const word = /unknown command '(.*)'/.exec(message)?.[1];
  // The first operand, not the value of a global option that happens to be the same word.
  const at = argv.findIndex((arg, i) => arg === word && !['-l', '--ladder'].includes(argv[i - 1]!));
  if (at >= 0) {
    const globals = argv.slice(0, at);
    const silent: Io = { ...io, stdout: () => true, stderr: () => {}, isTTY: false, stderrIsTTY: false };
    let json = '';
    const found = (await main([...globals, '--no-pager', 'show', '--json', '--', word!], { ...silent, stdout: (text) => void (json += text) })) === 0;
    if (found) {
      const { title } = JSON.parse(json) as { title: string };
      const command = ['ladder', ...globals, 'show', word!].map(shellWord).join(' ');
      return `error: unknown command ${quoted(word!)}; ${quoted(title)} is a role: did you mean "${command}"?\n`;
    }
  }
  return `${clipQuotedInputs(message)}\n`;
}

function buildProgram(argv: string[], io: Io, progress: Progress | undefined, emit: (result: CommandResult) => void): Command {
  const version = readVersion();
  const program = new Command('ladder')
    .description('Query, compare, lint and export an engineering career ladder kept as Markdown files.')
    .version(version, '-V, --version', 'print the version')
    .option('-l, --ladder <dir>', 'the ladder folder (default: $LADDER_DIR, else the ladder found from the current folder; see "Finding the ladder" in the README)')
    .addOption(new Option('--example', 'read the example ladder bundled with ladder').conflicts('ladder'))
    .option('--color', 'colour the output even when it is not a terminal, as for `| less -R` (FORCE_COLOR=1 does too)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--no-pager', 'never send output taller than the terminal through $LADDER_PAGER, $PAGER or less')
    .option('--no-cache', 'parse every file afresh instead of reusing parses of unchanged files')
    .option('--debug', 'print stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // An unknown command may be a role ("ladder vp"): `main` says so once it has looked.
      outputError: (text, write) => !text.startsWith('error: unknown command') && write(clipQuotedInputs(text)),
    })
    .showSuggestionAfterError(true)
    .hook('preAction', (_program, command) => refuseDisagreeingFormats(command))
    // What measures and wraps text, and what colours it, load only for a command whose output wants them.
    .hook('preAction', async () => {
      if (terminalWidth(io) !== undefined) await (await import('./format/wrap.js')).loadWrapping();
      if (colourWanted(program.opts<{ color?: boolean }>().color, io)) await (await import('./format/paint.js')).loadColour();
    })
    .addHelpText(
      'after',
      `
Examples:
  $ ladder show vp-engineering          everything a VP is expected to do, own and inherited
  $ ladder show director --own          only what a Director adds
  $ ladder list                         the roles as a chart of tracks by level
  $ ladder --ladder ~/src/our-ladder show vp --json

Exit codes: 0 success, 1 findings or differences where asked, 2 usage, input or I/O error.`,
    );

  const context = (): CommandContext => {
    const globals = program.opts<{ ladder?: string; example?: boolean; color?: boolean; cache: boolean }>();
    return {
      cwd: io.cwd,
      env: io.env,
      ladder: globals.ladder,
      example: globals.example,
      color: colourWanted(globals.color, io),
      width: terminalWidth(io),
      progress: progress?.report,
      bundledLadder,
      version,
      cache: globals.cache ? parseCache(io.env, version) : undefined,
    };
  };

  /** Each command's definition, added only when this run needs it (see `commandNamed`). */
  const definitions = new Map<string, () => unknown>();
  const define = (name: string, add: () => unknown) => definitions.set(name, add);

  define('show', () =>
    program
      .command('show')
      .description('show a role with every expectation it holds, own and inherited')
      .argument('<role>', 'role id, title, alias, or a unique part of one (vp, director, em)')
      .option('--json', 'print the resolved role as JSON')
      .addOption(new Option('--own', 'only the expectations the role itself writes').conflicts('new'))
      .option('--new', 'only what distinguishes the role from its parent: new expectations, evolved ones as was/now with a word diff')
      .option('-s, --section <name>', 'only this section (by title or its start); repeat for more', (value: string, previous: string[] = []) => [...previous, value])
      .addHelpText(
        'after',
        `
Examples:
  $ ladder show vp-engineering
  $ ladder show staff --section craft
  $ ladder show staff --new                   what is new at Staff, compared with Senior
  $ ladder show em --json | jq '.sections[].expectations | length'`,
      )
      .action(async (name: string, options) => {
        const { showCommand } = await import('./commands/show.js');
        emit(await showCommand(context(), name, options));
      })
  );

  define('list', () =>
    program
      .command('list')
      .description('list the roles as a chart of tracks (columns) by level (rows)')
      .option('--json', 'print { roles: [...] } as JSON')
      .addHelpText('after', '\nExamples:\n  $ ladder list\n  $ ladder list --json')
      .action(async (options) => {
        const { listCommand } = await import('./commands/list.js');
        emit(await listCommand(context(), options));
      })
  );

  define('lint', () =>
    program
      .command('lint')
      .description('check the ladder for structural defects and content mistakes; --fix rewrites the safe ones')
      .argument('[files...]', 'lint only these role files, still checked against the whole ladder (paths from the current folder)')
      .addOption(formatOption(lintOutputs))
      .option('--json', 'the same as --format json')
      .option('--fix', 'rewrite what is safe to rewrite (whitespace, final periods, articles, parent titles), then report what remains')
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (value: string) => {
        if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0');
        return Number(value);
      })
      .option('--list-rules', 'list the rules: default severity, whether fixable, and an example each flags and one it passes')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder lint                                   findings grouped by file; exit 1 on errors
  $ ladder lint --fix                             fix trailing spaces, final periods, articles, blank lines
  $ ladder lint --format github                   annotations in a GitHub Actions log
  $ ladder lint --format sarif > ladder.sarif     for code scanning
  $ ladder lint --max-warnings 0                  fail on warnings too
  $ ladder lint ladder/makers/staff-engineer.md   only this file, as a commit hook does

With files and no --ladder or LADDER_DIR, the ladder is found from the folder of the first file that has
one around it (else from the current folder); lint never falls back on the bundled example (exit 2 "no
ladder found"). Markdown outside the ladder is passed over with a note, in hidden folders quietly; a missing
or non-Markdown file gets a warning and is skipped, and if only such files were named, the exit code is 2.

Rules are set in ladder.yaml (rules: { trailing-whitespace: off }); a line is skipped with
<!-- ladder-disable-next-line <rule> --> above it.
Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, configuration or I/O error.`,
      )
      .action(async (files: string[], options) => {
        const { lintCommand } = await import('./commands/lint.js');
        emit(await lintCommand(context(), files, options));
      })
  );

  define('diff', () =>
    program
      .command('diff')
      .description('what changes from one role to another: added, evolved, removed and kept expectations')
      .argument('<from>', 'the role to start from (id, title, alias, or a unique part of one)')
      .argument('<to>', 'the role to compare it with; any track, either direction')
      .addOption(formatOption(diffOutputs))
      .option('--json', 'the same as --format json')
      .option('-a, --all', 'list the kept expectations too, not only count them')
      .option('--exit-code', 'exit 1 when the roles differ (like git diff --exit-code)')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder diff director vp                   what a Director must add to become a VP
  $ ladder diff senior staff --json           for a script or a promotion-doc generator
  $ ladder diff senior engineering-manager    switching tracks (IC to manager)
  $ ladder diff director vp --format markdown > promo-prep.md`,
      )
      .action(async (from: string, to: string, options) => {
        const { diffCommand } = await import('./commands/diff.js');
        emit(await diffCommand(context(), from, to, options));
      })
  );

  define('changes', () =>
    program
      .command('changes')
      .description('what changes in the ladder between two revisions, role by role, with every role each change reaches')
      .argument('<rev-a>', 'the older revision: a branch, tag or commit of the repository holding the ladder')
      .argument('[rev-b]', 'the newer revision (default: the working tree)')
      .addOption(formatOption(changesOutputs))
      .option('--json', 'the same as --format json')
      .option('--exit-code', 'exit 1 when anything changed (like git diff --exit-code)')
      .option('-e, --evidence <file>', 'an evidence file (see ladder assess): list the ids in it each change leaves without an expectation')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder changes main                               the working tree against main
  $ ladder changes v1.0 v2.0 --json                   between two tags, for a script
  $ ladder changes HEAD~1 --format markdown           a comment for the pull request
  $ ladder changes origin/main HEAD --exit-code || echo "this branch changes the ladder"

Reads git's object store only: nothing is checked out, the work tree and the index are left alone.
Exit codes: 0 done (1 with --exit-code when anything changed), 2 not a git repository, unknown revision,
or a ladder folder missing at a revision.`,
      )
      .action(async (older: string, newer: string | undefined, options) => {
        const { changesCommand } = await import('./commands/changes.js');
        emit(await changesCommand(context(), older, newer, options));
      })
  );

  define('assess', () =>
    program
      .command('assess')
      .description('which expectations of the role you aim for have evidence in your evidence file, and which do not (the gap)')
      .argument('[role]', 'the role you hold now (default: role: in the evidence file)')
      .option('-e, --evidence <file>', 'the evidence file: YAML, or Markdown (.md) with a "## <expectation> {#<id>}" heading per expectation')
      .option('-t, --target <role>', 'the role to assess against (default: target: in the file, else the next level up from <role> in its track)')
      .option('--template [target]', 'write a fresh evidence file listing every expectation of the target, to fill in (Markdown with --format markdown or an --out ending .md)')
      .option('-o, --out <file>', 'with --template: the file to write (never replaces one); default stdout')
      .option('--fix', 'move evidence under a reworded expectation\'s old id to its new one, where the pairing is clear; rewrites the file atomically')
      .addOption(formatOption(assessOutputs))
      .option('--json', 'the same as --format json')
      .option('--exit-code', 'exit 1 when some expectation of the target has no evidence')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder assess senior --template --out evidence.yaml     every Staff expectation, to fill in
  $ ladder assess senior --evidence evidence.yaml           what has evidence, and the gap
  $ ladder assess senior --evidence evidence.yaml --format html > packet.html
  $ ladder assess senior --evidence evidence.yaml --fix     follow reworded expectations

The evidence file is only ever rewritten by --fix (its ids, nothing else). Ratings use the scale in
ladder.yaml (assess: { scale: [not yet, sometimes, consistently] }). Counts only, no score.
Exit codes: 0 done (1 with --exit-code when there is a gap), 2 usage, input or I/O error.`,
      )
      .action(async (role: string | undefined, options) => {
        const { assessCommand } = await import('./commands/assess.js');
        emit(await assessCommand(context(), role, options));
      })
  );

  define('health', () =>
    program
      .command('health')
      .description('the size of every promotion step, with thin steps, rewordings and sections that never grow flagged')
      .addOption(formatOption(healthOutputs))
      .option('--json', 'the same as --format json')
      .option('--exit-code', 'exit 1 when anything is flagged')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder health                              one row per step, a bar as long as the step is big
  $ ladder health --json | jq '.steps[] | select(.flags | index("thin"))'
  $ ladder health --format markdown > health.md
  $ ladder health --exit-code                  fail a CI job when a step is flagged

Thresholds are set in ladder.yaml: health: { minStep: 3, minRatio: 0.5 }.
Exit codes: 0 done (1 with --exit-code when anything is flagged), 2 usage, input or I/O error.`,
      )
      .action(async (options) => {
        const { healthCommand } = await import('./commands/health.js');
        emit(await healthCommand(context(), options));
      })
  );

  define('steps', () =>
    program
      .command('steps')
      .description('what each level of a track adds over the one before it, section by section, evolved expectations as a word diff')
      .argument('[track]', 'only this track (default: every track)')
      .addOption(formatOption(stepsOutputs))
      .option('--json', 'the same as --format json')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder steps                              every track, level by level
  $ ladder steps managers                     only the managers track
  $ ladder steps makers --format markdown > makers-steps.md
  $ ladder steps --format html > steps.html   one page, a table per track
  $ ladder steps --json | jq '.tracks[].levels[] | {id, new: .summary.new}'`,
      )
      .action(async (track: string | undefined, options) => {
        const { stepsCommand } = await import('./commands/steps.js');
        emit(await stepsCommand(context(), track, options));
      })
  );

  define('matrix', () =>
    program
      .command('matrix')
      .description('the competency matrix of a track: sections as rows, levels as columns, each cell what the level writes there')
      .argument('[track]', 'only this track (default: every track)')
      .addOption(formatOption(matrixOutputs))
      .option('--json', 'the same as --format json')
      .option('-a, --all', 'each cell holds everything the level holds there, inherited included')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder matrix makers                      own expectations per section and level
  $ ladder matrix makers --all                cumulative: everything each level holds
  $ ladder matrix --format csv > matrix.csv   one row per cell item, for a spreadsheet
  $ ladder matrix managers --format html > managers-matrix.html`,
      )
      .action(async (track: string | undefined, options) => {
        const { matrixCommand } = await import('./commands/matrix.js');
        emit(await matrixCommand(context(), track, options));
      })
  );

  define('graph', () =>
    program
      .command('graph')
      .description('draw the roles (grouped by track) and who inherits from whom, as Mermaid, DOT or JSON')
      .addOption(formatOption(graphOutputs))
      .option('--json', 'the same as --format json: { nodes, edges }')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder graph                          a Mermaid flowchart, for a README or an issue
  $ ladder graph --format dot | dot -Tsvg > ladder.svg
  $ ladder graph --json | jq '.edges[] | select(.to == "senior-engineer")'`,
      )
      .action(async (options) => {
        const { graphCommand } = await import('./commands/graph.js');
        emit(await graphCommand(context(), options));
      })
  );

  define('init', () =>
    program
      .command('init')
      .description('survey a folder of role files you already have and propose a ladder.yaml that lets ladder read it')
      .option('-d, --dir <folder>', 'the folder to survey (default: --ladder or $LADDER_DIR, else the ladder found from the current folder, else the current folder)')
      .option('--write', 'write the proposed ladder.yaml into the folder')
      .option('--force', 'with --write, replace an existing ladder.yaml')
      .option('--json', 'print what was found and the proposal as JSON')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder init --dir docs/ladder          what was found, and the proposed ladder.yaml
  $ ladder init --dir docs/ladder --write  write it (never over an existing one without --force)
  $ ladder init --json | jq '.parents[] | select(.kind == "ambiguous")'`,
      )
      .action(async (options) => {
        const { initCommand } = await import('./commands/init.js');
        emit(await initCommand(context(), options));
      })
  );

  define('search', () =>
    program
      .command('search')
      .description('find expectations and descriptions that contain every word of <text> (exit 1 when none does)')
      .argument('<text...>', 'words that must all appear, in any case, with or without accents')
      .option('-r, --role <role>', 'search only what this role holds, own and inherited')
      .option('-s, --section <name>', 'only this section (by title or its start); repeat for more', (value: string, previous: string[] = []) => [...previous, value])
      .option('--json', 'print { query, hits: [...] } as JSON')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder search mentor                  every expectation that mentions mentoring, once, at its source
  $ ladder search code review --role staff
  $ ladder search feedback --section coaching --json

Exit codes: 0 something matched, 1 nothing matched (as grep), 2 usage or input error.`,
      )
      .action(async (words: string[], options) => {
        const { searchCommand } = await import('./commands/search.js');
        emit(await searchCommand(context(), words, options));
      })
  );

  define('completion', () =>
    program
      .command('completion')
      .description('print a shell completion script (commands, flags and role ids)')
      .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
      .addHelpText(
        'after',
        `
Examples:
  $ source <(ladder completion bash)                          in ~/.bashrc
  $ ladder completion zsh > "\${fpath[1]}/_ladder"
  $ ladder completion fish > ~/.config/fish/completions/ladder.fish`,
      )
      .action(async (shell: string) => {
        const { completionScriptCommand } = await import('./commands/completion.js');
        emit(completionScriptCommand(shell));
      })
  );

  // What the completion scripts call on every TAB: candidates for the last of the words typed so far.
  define('__complete', () =>
    program
      .command('__complete', { hidden: true })
      .argument('[words...]')
      .action(async (words: string[]) => {
        const { completeCommand } = await import('./commands/completion.js');
        emit(await completeCommand(context(), program, words));
      })
  );

  define('export', () =>
    program
      .command('export')
      .description('write every role, resolved, as json, yaml, csv (one row per expectation), markdown pages or an html site')
      .addOption(formatOption(exportOutputs, 'the format to write'))
      .requiredOption('-o, --out <path>', 'the file to write (- for stdout); a folder for markdown and html')
      .option('-r, --role <role>', 'only this role')
      .option('--force', 'replace a file, or pages, that ladder export did not write')
      .addHelpText(
        'after',
        `
Examples:
  $ ladder export --format json --out ladder.json     every role, resolved, in one file
  $ ladder export --format json --out - | jq '.roles | length'
  $ ladder export --format csv --out ladder.csv       one row per (role, expectation), for spreadsheets
  $ ladder export --format html --out site/           a static site: the chart and a page per role
  $ ladder export --role vp --format yaml --out -

Files are replaced atomically; a missing parent folder or an unwritable place exits 2 and writes nothing.
An output inside the ladder folder is refused; so is an existing file ladder export did not write (--force
replaces it). A site folder keeps the list of its pages in .ladder-export.json: pages of roles no longer
exported are removed, other files are left alone.`,
      )
      .action(async (options) => {
        const { exportCommand } = await import('./commands/export.js');
        emit(await exportCommand(context(), options));
      })
  );


  const named = commandNamed(argv, program);
  const only = named !== undefined && definitions.has(named) ? named : undefined;
  for (const [name, add] of definitions) if (only === undefined || only === name) add();
  return program;
}

/**
 * The word of `argv` that names the command to run, when its definition alone is needed: commander building every command's options
 * and help costs each run milliseconds, a good part of a `show`. Undefined, so that every command is
 * defined, when help, completion or an unknown word needs them all, or when `argv` holds anything before
 * the command that is not one of the program's own options.
 */
function commandNamed(argv: string[], program: Command): string | undefined {
  const flags = new Set<string>();
  const valued = new Set<string>();
  for (const option of program.options) for (const name of [option.short, option.long]) if (name) (option.required || option.optional ? valued : flags).add(name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (valued.has(arg)) i++;
    else if (!(flags.has(arg) || valued.has(arg.split('=')[0]!))) return ['help', 'completion', '__complete'].includes(arg) || arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
}

/** `--format`, offering the names of a command's outputs, defaulting to its default; required where it has none. */
function formatOption(outputs: Outputs<unknown>, description = 'output format'): Option {
  const option = new Option('-f, --format <format>', description).choices(outputNames(outputs));
  return outputs.default ? option.default(outputs.default) : option.makeOptionMandatory();
}

/**
 * `--json` asks for the json entry of a command's outputs, so with another `--format` the two disagree.
 * Checked here, before the command runs, because only commander can tell a chosen format from the default.
 */
function refuseDisagreeingFormats(command: Command): void {
  const { json, format } = command.opts<{ json?: boolean; format?: string }>();
  if (json && command.getOptionValueSource('format') === 'cli' && format !== 'json') {
    throw new LadderError(`--json and --format ${format} disagree; give one of them`);
  }
}

/**
 * The parse cache: in $LADDER_CACHE_DIR, else $XDG_CACHE_HOME/ladder, else ~/.cache/ladder (none without a
 * home), keyed by version and build time, so a rebuilt parser never reads parses made by an older one.
 */
function parseCache(env: Io['env'], version: string): CommandContext['cache'] {
  const dir = env.LADDER_CACHE_DIR || (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'ladder') : env.HOME && join(env.HOME, '.cache', 'ladder'));
  return dir ? { dir, version: `${version}+${statSync(fileURLToPath(import.meta.url)).mtimeMs}` } : undefined;
}

function readVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string }).version;
}
