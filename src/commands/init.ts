import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LadderError } from '../errors.js';
import { surveyLadder } from '../adopt/survey.js';
import { CONFIG_FILE } from '../load/config.js';
import { findLadder, locateLadder } from '../load/locate.js';
import { formatSurvey } from '../format/init-text.js';
import { formatJson } from '../format/json.js';
import { formatLadderYaml, readsBackAs } from '../format/ladder-yaml.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';
import { shellWord } from '../text/shell-word.js';
import { writeFileAtomic } from '../write/write-atomic.js';

export interface InitOptions {
  dir?: string;
  write?: boolean;
  force?: boolean;
  json?: boolean;
}

/**
 * Surveys a folder of role files and proposes a ladder.yaml; `--write` writes it. The folder is `--dir`,
 * else `--ladder` or `LADDER_DIR`, else the ladder found from the current folder, else the current folder:
 * never the bundled ladder, which is not the user's to configure.
 */
export async function initCommand(ctx: CommandContext, options: InitOptions): Promise<CommandResult> {
  const root = options.dir === undefined ? surveyedFolder(ctx) : resolve(ctx.cwd, options.dir);
  if (!existsSync(root)) throw new LadderError(`${root}: folder not found; give the folder that holds your role files with --dir`);
  if (!statSync(root).isDirectory()) throw new LadderError(`${root}: is a file, not a folder; give --dir the folder that holds your role files`);
  const target = join(root, CONFIG_FILE);
  if (options.write && !options.force && existsSync(target)) {
    throw new LadderError(`${target}: already exists; review the proposal without --write, or add --force to replace it`);
  }
  const survey = await surveyLadder(root, { cache: ctx.cache });
  if (survey.roles.length === 0 && survey.notRoles.length === 0 && survey.unsettled.length === 0) {
    throw new LadderError(`${root}: no ladder found here, no role files (Markdown files with a title); give the ladder folder with --dir`);
  }
  const yaml = formatLadderYaml(survey, schemaFrom(root, ctx));
  const needed = Object.keys(survey.config).length > 0;
  if (options.write && needed) {
    if (!(await readsBackAs(yaml, survey.config))) {
      throw new LadderError(`${target}: the proposed ladder.yaml does not read back as the configuration meant; nothing written. Rename files with unusual characters in their names, then run ladder init again`);
    }
    writeFileAtomic(target, yaml);
  }
  const settled = survey.unresolved.length === 0 && survey.unsettled.length === 0 && survey.parents.length === 0;
  const outcome = !needed
    ? settled
      ? 'Nothing to configure: ladder reads this folder as it is, and needs no ladder.yaml.'
      : 'No ladder.yaml would help: fix the files named above.'
    : options.write
      ? `Wrote ${target}.`
      : `Run "${writeCommand(ctx, options)}" to write it.`;
  return {
    stdout: options.json ? formatJson(survey) : formatSurvey(survey, { color: ctx.color, yaml: needed ? yaml : '', outcome, width: ctx.width }),
    warnings: [],
    exitCode: 0,
  };
}

/** The command that writes the proposal: this one again, with the flags that chose the folder, and --write. */
function writeCommand(ctx: CommandContext, options: InitOptions): string {
  const words = ['ladder', ...(ctx.ladder ? ['--ladder', ctx.ladder] : []), 'init', ...(options.dir ? ['--dir', options.dir] : []), '--write'];
  return words.map(shellWord).join(' ');
}

/**
 * Where the proposed ladder.yaml finds its JSON Schema: the one this installation of ladder ships (beside
 * the bundled ladder), as a path from the ladder folder. yaml-language-server resolves a relative
 * `$schema` against the file, so with ladder installed in the project's node_modules it works for
 * everyone who clones it, offline, and always matches the version that reads the file.
 */
function schemaFrom(root: string, ctx: CommandContext): string {
  const schema = relative(root, join(dirname(ctx.bundledLadder), 'schemas', 'ladder-config.schema.json')).split(sep).join('/');
  return schema.startsWith('.') ? schema : `./${schema}`;
}

/**
 * The folder to survey without `--dir`. The finder's look for role files knows only the usual parent
 * phrasings, and a ladder that needs init may use others: so when it finds nothing, the current folder.
 */
function surveyedFolder(ctx: CommandContext): string {
  if (ctx.example) throw new LadderError('init configures your own ladder, not the example bundled with ladder; leave out --example and give --dir <folder>');
  if (ctx.ladder || ctx.env.LADDER_DIR) return locateLadder(locateOptions(ctx, { fallback: false })).root;
  const start = resolve(ctx.cwd);
  return findLadder(start) ?? start;
}
