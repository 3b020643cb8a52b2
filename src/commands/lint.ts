import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LadderError } from '../errors.js';
import { openLadder, type OpenLadder } from '../graph/open-ladder.js';
import { lintLadder, toReport, type FindingWithFix } from '../lint/engine.js';
import { applyFixes, fixesByFile } from '../lint/fix.js';
import { lintRules } from '../lint/rules/index.js';
import { formatJson } from '../format/json.js';
import { lintFormatters } from '../format/lint-formats.js';
import { formatRuleList } from '../format/lint-rules.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';
import { writeFileAtomic } from './write-atomic.js';

export interface LintOptions {
  format?: string;
  json?: boolean;
  fix?: boolean;
  maxWarnings?: number;
  listRules?: boolean;
}

/** Exit 0 with no errors; 1 with errors or more warnings than --max-warnings; usage and I/O errors throw (2). */
export async function lintCommand(ctx: CommandContext, options: LintOptions): Promise<CommandResult> {
  const format = options.json ? 'json' : (options.format ?? 'stylish');
  const formatter = lintFormatters[format];
  if (!formatter) throw new LadderError(`unknown format "${format}"; use one of ${Object.keys(lintFormatters).join(', ')}`);
  const rules = lintRules.map((rule) => rule.meta);
  if (options.listRules) return { stdout: format === 'json' ? formatJson({ rules }) : formatRuleList(rules), warnings: [], exitCode: 0 };

  let ladder = await openLadder(locateOptions(ctx));
  let result = lintLadder(ladder, ladder.config);
  if (options.fix && fixAll(ladder, result.findings) > 0) {
    // Lint the rewritten files afresh: what is reported is what remains.
    ladder = await openLadder({ ...locateOptions(ctx), flag: ladder.root });
    result = lintLadder(ladder, ladder.config);
  }
  const report = toReport(result.findings);
  const { errors, warnings } = report.summary;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return {
    stdout: formatter(report, { color: ctx.color, rules, files: result.files, version: ctx.version }),
    warnings: tooManyWarnings ? [`${warnings} warnings, more than --max-warnings ${options.maxWarnings}`] : [],
    exitCode: errors > 0 || tooManyWarnings ? 1 : 0,
  };
}

/** Rewrites every file with fixable findings; returns how many files changed. */
function fixAll(ladder: OpenLadder, findings: FindingWithFix[]): number {
  const byFile = fixesByFile(findings);
  const sources = new Map(ladder.loaded.sources.map((source) => [source.file, source.text]));
  // A file the loader could not read whole (bad front matter, parser limits) is never rewritten: a fix
  // computed from a partial reading could damage what was not understood.
  const unreadable = new Set(ladder.loaded.problems.map((problem) => problem.file));
  let changed = 0;
  for (const [file, fixes] of byFile) {
    if (unreadable.has(file)) continue;
    const path = join(ladder.root, file);
    let original: string;
    try {
      original = readFileSync(path, 'utf8');
    } catch (error) {
      throw new LadderError(`${file}: cannot read it again to fix it (${(error as NodeJS.ErrnoException).code}); run ladder lint --fix again`);
    }
    // The loader drops a byte order mark; put it back so nothing but the fixes changes.
    const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
    const linted = sources.get(file);
    if (original.slice(bom.length) !== linted) throw new LadderError(`${file}: changed while it was being linted; run ladder lint --fix again`);
    const fixed = bom + applyFixes(linted, fixes);
    if (fixed === original) continue;
    writeFileAtomic(path, fixed);
    changed++;
  }
  return changed;
}
