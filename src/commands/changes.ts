import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareLadders, hasChanges } from '../diff/changes.js';
import { LadderError } from '../errors.js';
import { openLadderRevisions, problemLines } from '../ladder/open-ladder.js';
import { changesOutputs, chosenOutput, loadOutput } from '../format/outputs.js';
import type { LadderChanges } from '../schema/changes.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface ChangesOptions {
  format?: string;
  /** Shorthand for `--format json`. */
  json?: boolean;
  /** Exit 1 when anything changed, like `git diff --exit-code`. */
  exitCode?: boolean;
  /** An evidence file (see `ladder assess`): list which of its ids each change orphans. */
  evidence?: string;
}

/** Compares the ladder at `older` with the ladder at `newer`, or with the working tree when `newer` is not given. */
export async function changesCommand(ctx: CommandContext, older: string, newer: string | undefined, options: ChangesOptions): Promise<CommandResult> {
  const ladders = await openLadderRevisions(locateOptions(ctx, { fallback: false }), { older, newer: newer ?? null, gitEnv: ctx.env });
  const changes: LadderChanges = compareLadders(ladders.older, ladders.newer);
  const render = await loadOutput(changesOutputs, options);
  if (options.evidence) changes.evidence = await orphanedEvidence(ctx, options.evidence, ladders, changes);
  return {
    stdout: render(changes, { color: ctx.color, width: ctx.width }) + (await evidenceBlock(changes, options, ctx.width)),
    // Defects of the newer ladder are the ones a reviewer can still fix; the older ones are history.
    warnings: problemLines(ladders.newer),
    exitCode: options.exitCode && hasChanges(changes) ? 1 : 0,
  };
}

type Revisions = Awaited<ReturnType<typeof openLadderRevisions>>;

/** `--evidence`: the file's ids that name an expectation at the older revision and none at the newer. The assess modules load only here. */
async function orphanedEvidence(ctx: CommandContext, file: string, ladders: Revisions, changes: LadderChanges): Promise<LadderChanges['evidence']> {
  const [{ readEvidence }, { evidenceOrphanedByChanges }] = await Promise.all([import('../assess/evidence-file.js'), import('../assess/orphaned-by-changes.js')]);
  let text: string;
  try {
    text = readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    throw new LadderError(`${file}: cannot read the evidence file (${(error as NodeJS.ErrnoException).code}); check the path`);
  }
  const record = await readEvidence(file, text);
  return { file, orphaned: evidenceOrphanedByChanges(ladders.older.graph, ladders.newer.graph, changes, record.entries.map((entry) => entry.id)) };
}

/** The orphaned evidence after the text and Markdown reports; JSON carries it as `evidence`. */
async function evidenceBlock(changes: LadderChanges, options: ChangesOptions, width: number | undefined): Promise<string> {
  const format = chosenOutput(changesOutputs, options);
  if (!changes.evidence || format === 'json') return '';
  const { formatOrphanedMarkdown, formatOrphanedText } = await import('../format/assess-orphans.js');
  const { file, orphaned } = changes.evidence;
  return format === 'markdown' ? formatOrphanedMarkdown(file, orphaned) : formatOrphanedText(file, orphaned, width);
}
