import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { at, LadderError } from '../errors.js';
import type { RoleGraph } from '../graph/build-graph.js';
import { healthThresholds, ladderHealth } from '../health/health.js';
import { CONFIG_FILE, ruleSettingLine } from '../load/config.js';
import type { LoadedLadder, SourceFile } from '../load/load-ladder.js';
import type { LadderConfig, RuleSetting } from '../schema/config.js';
import type { LadderHealth } from '../schema/health.js';
import type { LintFinding, LintReport } from '../schema/lint-report.js';
import { disabledLines, type IsDisabled } from './disable-comments.js';
import type { Fix } from './fix.js';
import { splitLines } from './lines.js';
import type { LintContext, LintRule } from './rule.js';
import { lintRules } from './rules/index.js';

/** A finding with its fix, which only `--fix` needs and the report formats leave out. */
export interface FindingWithFix extends LintFinding {
  fix?: Fix;
}

export interface LintResult {
  findings: FindingWithFix[];
  /** Every file that was linted (ignored ones excluded), for formats that list clean files too. */
  files: string[];
}

export interface LintInput {
  root: string;
  /** Loaded with texts: rules read raw lines. */
  loaded: LoadedLadder<SourceFile>;
  graph: RoleGraph;
}

const SEVERITY = { off: 'off', warn: 'warning', error: 'error' } as const;

/**
 * Runs every enabled rule over a ladder. The engine, not the rules, decides severity (ladder.yaml over the
 * rule's default), drops what disable comments switch off, and sorts the findings. Ignored files are not
 * here to lint: the loader left them out.
 */
export function lintLadder(input: LintInput, config: LadderConfig = {}, rules: readonly LintRule[] = lintRules): LintResult {
  checkRuleIds(input.root, config);
  const ctx = contextOf(input, config);
  const disabled = new Map<string, IsDisabled>();
  const isDisabled = (file: string, ruleId: string, line: number) => {
    const source = ctx.source(file);
    if (!source) return false;
    if (!disabled.has(file)) disabled.set(file, disabledLines(ctx.lines(source)));
    return disabled.get(file)!(ruleId, line);
  };
  const findings: FindingWithFix[] = [];
  for (const rule of rules) {
    const { severity, options } = settingOf(input.root, rule, config.rules?.[rule.meta.id]);
    if (severity === 'off') continue;
    for (const report of rule.check(ctx, options)) {
      if (report.fix && !rule.meta.fixable) {
        throw new Error(`lint rule "${rule.meta.id}" proposed a fix but its meta does not declare it fixable`);
      }
      const line = Math.max(1, report.line);
      if (isDisabled(report.file, rule.meta.id, line)) continue;
      // A fix is columns of a Markdown line; in a file read as data the text sits in YAML or JSON syntax
      // (quotes, flow lists, block scalars), where those columns would edit the wrong bytes.
      const notFixable = report.fix !== undefined && ctx.source(report.file)?.readAsData === true;
      const fix = notFixable ? undefined : report.fix;
      findings.push({
        ruleId: rule.meta.id,
        severity,
        message: notFixable ? `${report.message} Not fixable in this shape: the file is read as data, so fix it by hand.` : report.message,
        file: report.file,
        line,
        column: Math.max(1, report.column),
        fixable: fix !== undefined,
        ...(report.related ? { related: report.related } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  }
  findings.sort(byPlace);
  const linted = [...input.loaded.sources, ...(input.loaded.documents ?? [])].map((s) => s.file);
  const files = [...new Set([...linted, ...findings.map((f) => f.file)])].sort();
  return { findings, files };
}

/** ladder.yaml may set only rules the registry knows: a misspelt id would otherwise silently change nothing. */
function checkRuleIds(root: string, config: LadderConfig): void {
  const known = new Set<string>(lintRules.map((rule) => rule.meta.id));
  const unknown = Object.keys(config.rules ?? {}).find((id) => !known.has(id));
  if (unknown === undefined) return;
  throw new LadderError(at(CONFIG_FILE, ruleSettingLine(root, unknown), `unknown rule "${unknown}"; run "ladder lint --list-rules" for the rule ids`));
}

/**
 * A rule's severity (ladder.yaml over its default) and its options, parsed by the rule's own schema so its
 * defaults apply when ladder.yaml gives none. Options a rule does not take, or cannot accept, are errors
 * naming the line that sets the rule.
 */
function settingOf(root: string, rule: LintRule, setting: RuleSetting | undefined): { severity: LintRule['meta']['severity']; options: unknown } {
  const [level, given] = typeof setting === 'object' ? setting : [setting, undefined];
  const severity = level === undefined ? rule.meta.severity : SEVERITY[level];
  const id = rule.meta.id;
  const fail = (what: string) => new LadderError(at(CONFIG_FILE, ruleSettingLine(root, id), what));
  if (!rule.options) {
    if (given !== undefined) throw fail(`rule "${id}" takes no options; set it to off, warn or error`);
    return { severity, options: undefined };
  }
  const parsed = rule.options.safeParse(given ?? {});
  if (parsed.success) return { severity, options: parsed.data };
  const issue = parsed.error.issues[0]!;
  throw fail(`rule "${id}": ${issue.code === 'unrecognized_keys' ? `unknown option "${issue.keys[0]}"` : `option "${issue.path.join('.')}" ${issue.message}`}`);
}

/**
 * The result for some files only. The whole ladder was linted, so rules across roles (an expectation
 * restated from an ancestor, a duplicate title) saw every file; only what is found in `files` is kept.
 */
export function forFiles(result: LintResult, files: ReadonlySet<string>): LintResult {
  return { findings: result.findings.filter((f) => files.has(f.file)), files: result.files.filter((f) => files.has(f)) };
}

/** The JSON report: findings without their fixes, and the counts. */
export function toReport(findings: FindingWithFix[]): LintReport {
  const plain = findings.map(({ fix: _fix, ...finding }) => finding);
  return {
    findings: plain,
    summary: {
      errors: plain.filter((f) => f.severity === 'error').length,
      warnings: plain.filter((f) => f.severity === 'warning').length,
      fixable: plain.filter((f) => f.fixable).length,
    },
  };
}

function contextOf({ root, loaded, graph }: LintInput, config: LadderConfig): LintContext {
  // Only the last file's lines are kept: rules walk the ladder a file at a time, and keeping every file's
  // lines for the whole run held tens of MiB on a large ladder for a split that takes microseconds.
  let last: { source: SourceFile; lines: string[] } | undefined;
  let health: LadderHealth | undefined;
  const byFile = new Map([...loaded.sources, ...(loaded.documents ?? [])].map((source) => [source.file, source]));
  const found = new Map<string, boolean>();
  return {
    root,
    loaded,
    graph,
    // Measured at most once, and only when an enabled rule asks.
    health: () => (health ??= ladderHealth(graph, healthThresholds(config))),
    exists: (file) => found.get(file) ?? found.set(file, existsSync(resolve(root, file))).get(file)!,
    roles: [...graph.roles.values()],
    problems: [...loaded.problems, ...graph.problems],
    source: (file) => byFile.get(file),
    lines(source) {
      if (last?.source !== source) last = { source, lines: splitLines(source.text).map((l) => l.text) };
      return last.lines;
    },
  };
}

function byPlace(a: LintFinding, b: LintFinding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
