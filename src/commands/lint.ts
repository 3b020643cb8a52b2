import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { at } from '../errors.js';
import { openLadder, type OpenLadder } from '../ladder/open-ladder.js';
import { namedPath } from '../load/files.js';
import type { SourceFile } from '../load/load-ladder.js';
import { findLadder, locateLadder } from '../load/locate.js';
import { forFiles, lintLadder, toReport, type LintResult } from '../lint/engine.js';
import { fixFiles } from '../lint/fix.js';
import { lintRules } from '../lint/rules/index.js';
import { formatJson } from '../format/json.js';
import { chosenOutput, lintOutputs } from '../format/outputs.js';
import { formatRuleList } from '../format/lint-rules.js';
import { githubRunError } from '../format/lint-github.js';
import { plural } from '../format/plural.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface LintOptions {
  format?: string;
  json?: boolean;
  fix?: boolean;
  maxWarnings?: number;
  listRules?: boolean;
}

/**
 * Lints the whole ladder, or with `files` only those (still resolved against the whole ladder). Exit 0 with
 * no errors; 1 with errors or more warnings than --max-warnings; 2 when none of `files` could be linted;
 * usage and I/O errors throw (2).
 */
export async function lintCommand(ctx: CommandContext, files: string[], options: LintOptions): Promise<CommandResult> {
  const format = chosenOutput(lintOutputs, options);
  const rules = lintRules.map((rule) => rule.meta);
  if (options.listRules) return { stdout: format === 'json' ? formatJson({ rules }) : formatRuleList(rules), warnings: [], exitCode: 0 };
  const formatter = await lintOutputs.formats[format]();

  // The ladder is located first, so that a hook passing only Markdown from outside it does not load it for nothing.
  // Never the bundled example: a check that passes on it would hide that the user's ladder was not found.
  const { root } = locateLadder({ ...locateOptions(ctx, { fallback: false }), cwd: searchFrom(ctx, files) });
  const named = files.length > 0 ? nameFiles(root, ctx.cwd, files) : undefined;
  const answer = (result: LintResult, skipped: string[] = []): CommandResult => {
    const report = toReport(result.findings);
    const { errors, warnings } = report.summary;
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    // It fails the run, so it is an error, not one more warning; in a GitHub log, an annotation as well.
    const failure = tooManyWarnings ? [`${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows`] : [];
    const stdout = formatter(report, { color: ctx.color, width: ctx.width, rules, files: result.files, version: ctx.version, base: ladderFromRunFolder(ctx.cwd, root), here: relative(ctx.cwd, root) });
    return {
      stdout: format === 'github' ? stdout + failure.map(githubRunError).join('') : stdout,
      warnings: skipped,
      errors: failure,
      exitCode: errors > 0 || tooManyWarnings ? 1 : 0,
    };
  };
  if (named?.files.size === 0) {
    // Only Markdown from outside the ladder: nothing to lint. Paths that cannot be linted: a usage error.
    return named.skipped.length > 0 ? { stdout: '', warnings: [...named.passed, ...named.skipped], exitCode: 2 } : answer({ findings: [], files: [] }, named.passed);
  }
  const { result, notFixed } = await lintAndFix(ctx, root, named?.files, options.fix);
  return answer(result, [...(named ? [...named.passed, ...notRead(named.given, result, root), ...named.skipped] : []), ...notFixed]);
}

/**
 * The ladder folder as seen from the current folder, for formats GitHub reads from the repository's top
 * folder; '' when the ladder is not below it (a path with `..` would be no use to GitHub either).
 */
function ladderFromRunFolder(cwd: string, root: string): string {
  const path = relative(cwd, root);
  return path.startsWith('..') || isAbsolute(path) ? '' : path.split(sep).join('/');
}

/**
 * Lints the ladder at `root` (reporting only `only`, if given); with `fix`, rewrites those files first,
 * and says which files it left alone.
 */
async function lintAndFix(
  ctx: CommandContext,
  root: string,
  only: ReadonlySet<string> | undefined,
  fix = false,
): Promise<{ result: LintResult; notFixed: string[] }> {
  // README and the like are read too, for their links; texts are kept for the rules that read raw lines.
  const open = () => openLadder({ ...locateOptions(ctx), flag: root, documents: true, texts: true });
  const lint = (ladder: OpenLadder<SourceFile>) => {
    const result = lintLadder(ladder, ladder.config);
    return only ? forFiles(result, only) : result;
  };
  const ladder = await open();
  const result = lint(ladder);
  if (!fix) return { result, notFixed: [] };
  const { changed, notFixed } = fixFiles(ladder.loaded, result.findings);
  // Lint the rewritten files afresh: what is reported is what remains.
  return { result: changed > 0 ? lint(await open()) : result, notFixed };
}

/**
 * Where to look for the ladder. Named files, without --ladder, --example or LADDER_DIR, are searched from
 * the folder of the first one that has a ladder around it, not from the current folder: a commit hook runs
 * at the top of the repository, and the ladder may sit deeper.
 */
function searchFrom(ctx: CommandContext, files: string[]): string {
  if (ctx.ladder || ctx.example || ctx.env.LADDER_DIR) return ctx.cwd;
  for (const file of files) {
    const folder = dirname(resolve(ctx.cwd, file));
    if (findLadder(folder) !== null) return folder;
  }
  return ctx.cwd;
}

/**
 * The named files the ladder reads; a note per Markdown file outside the ladder, passed over; a warning per
 * path that cannot be linted (a missing or non-Markdown file).
 */
function nameFiles(root: string, cwd: string, paths: string[]): { files: Set<string>; given: Map<string, string>; passed: string[]; skipped: string[] } {
  /** Each ladder file named, with the path it was named by. */
  const given = new Map<string, string>();
  const passed = new Map<string, string>();
  const skipped = new Map<string, string>();
  for (const path of paths) {
    const named = namedPath(root, cwd, path);
    if (named.kind === 'file' && !given.has(named.file)) given.set(named.file, path);
    else if (named.kind === 'outside') passed.set(path, at(path, undefined, `not part of the ladder at ${root}; passed over`));
    else if (named.kind === 'unusable') skipped.set(path, at(path, undefined, named.reason));
  }
  return { files: new Set(given.keys()), given, passed: [...passed.values()], skipped: [...skipped.values()] };
}

/** A note per named file inside the ladder folder that the ladder does not read (ignored, or in a folder without roles). */
function notRead(given: ReadonlyMap<string, string>, result: LintResult, root: string): string[] {
  const linted = new Set(result.files);
  return [...given].filter(([file]) => !linted.has(file)).map(([, path]) => at(path, undefined, `not part of the ladder at ${root}; passed over`));
}
