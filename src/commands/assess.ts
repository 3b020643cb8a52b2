import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assess, DEFAULT_SCALE, movesOf } from '../assess/assess.js';
import { evidenceKind, readEvidence, type EvidenceRecord } from '../assess/evidence-file.js';
import { withMovedIds } from '../assess/fix.js';
import { evidenceTemplate } from '../assess/template.js';
import { at, LadderError, quoted } from '../errors.js';
import { summarize, resolveRole } from '../resolve/resolve-role.js';
import type { RoleNode } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines, type OpenLadder } from '../ladder/open-ladder.js';
import { assessOutputs, loadOutput } from '../format/outputs.js';
import type { AssessReport } from '../schema/evidence.js';
import { statIfAny, writeFileAtomic } from '../write/write-atomic.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

export interface AssessOptions {
  evidence?: string;
  target?: string;
  /** `--template [target]`: true when given without a role. */
  template?: string | boolean;
  out?: string;
  fix?: boolean;
  format?: string;
  json?: boolean;
  /** Exit 1 when some expectation of the target has no evidence. */
  exitCode?: boolean;
}

/** `ladder assess`: write an evidence template, or report the evidence against a target role. */
export async function assessCommand(ctx: CommandContext, roleName: string | undefined, options: AssessOptions): Promise<CommandResult> {
  if (options.template !== undefined) return templateCommand(ctx, roleName, options);
  if (!options.evidence) throw new LadderError('give --evidence <file> to assess, or --template to write one to fill in');
  const path = resolve(ctx.cwd, options.evidence);
  const text = readText(path, options.evidence);
  const record = await readEvidence(options.evidence, text);
  const ladder = await openLadder(locateOptions(ctx));
  const role = roleName ?? record.role;
  const current = role === undefined ? undefined : lookUpRole(ladder, role);
  const target = targetOf(ladder, current, options.target ?? record.target);
  const scale = ladder.config.assess?.scale ?? DEFAULT_SCALE;
  const input = { role: current ? { id: current.id, title: current.title } : null, target: resolveRole(ladder.graph, target), scale };
  let report = assess({ ...input, evidence: record });
  const notes: string[] = [];
  if (options.fix) {
    const moved = fixOrphans(path, text, record, report, notes);
    if (moved) report = assess({ ...input, evidence: moved });
  }
  const render = await loadOutput(assessOutputs, options);
  return {
    stdout: render(report, { color: ctx.color, width: ctx.width }),
    warnings: [...problemLines(ladder), ...notes, ...ratingWarnings(report)],
    exitCode: options.exitCode && report.summary.gap > 0 ? 1 : 0,
  };
}

/** `--template`: every expectation of the target with its id and text, to stdout or a new file (never over one). */
async function templateCommand(ctx: CommandContext, roleName: string | undefined, options: AssessOptions): Promise<CommandResult> {
  const ladder = await openLadder(locateOptions(ctx));
  const current = roleName === undefined ? undefined : lookUpRole(ladder, roleName);
  const target = targetOf(ladder, current, typeof options.template === 'string' ? options.template : options.target);
  const kind = options.format === 'markdown' || (options.out && evidenceKind(options.out) === 'markdown') ? 'markdown' : 'yaml';
  const resolved = resolveRole(ladder.graph, target);
  const text = evidenceTemplate(kind, { role: current ? { id: current.id, title: current.title } : null, target: resolved, scale: ladder.config.assess?.scale ?? DEFAULT_SCALE });
  if (!options.out || options.out === '-') return { stdout: text, warnings: problemLines(ladder), exitCode: 0 };
  const path = resolve(ctx.cwd, options.out);
  if (statIfAny(path)) throw new LadderError(`${options.out}: already exists; an evidence file is never replaced: choose another --out, or remove it first`);
  writeFileAtomic(path, text);
  const count = resolved.sections.reduce((sum, section) => sum + section.expectations.length, 0);
  return { stdout: `wrote ${options.out}: ${count} expectations of ${resolved.title} to fill in\n`, warnings: problemLines(ladder), exitCode: 0 };
}

/** The role assessed against: the one named, else the next level up from the current role in its track. */
function targetOf(ladder: OpenLadder, current: RoleNode | undefined, name: string | undefined): RoleNode {
  if (name !== undefined) return lookUpRole(ladder, name);
  if (!current) throw new LadderError('give the role you hold now (ladder assess <role>), or the target with --target <role>');
  const track = summarize(current).track;
  const above = current.children.map((id) => ladder.graph.roles.get(id)!).filter((child) => child.track === track);
  if (above.length === 1) return above[0]!;
  if (above.length === 0) throw new LadderError(`${quoted(current.id)} is the top of its track (${track}); give the role to aim for with --target <role>`);
  throw new LadderError(`${quoted(current.id)} leads to ${above.map((r) => r.id).join(', ')}; pick one with --target <role>`);
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LadderError(`${shown}: cannot read the evidence file (${code}); ${code === 'ENOENT' ? 'check the path, or write one with ladder assess --template --out' : 'check its permissions'}`);
  }
}

/**
 * `--fix`: moves each orphan close enough to its new id, says which pairing it made and why any other
 * orphan stays, and writes the file atomically. Returns the record as now written, or undefined when nothing moved.
 */
function fixOrphans(path: string, text: string, record: EvidenceRecord, report: AssessReport, notes: string[]): EvidenceRecord | undefined {
  const moves = movesOf(report, record);
  const moving = new Set(moves);
  for (const orphan of report.orphans) {
    const where = `${record.file}:${orphan.line}`;
    if (moving.has(orphan)) notes.push(`${where}: moved evidence from ${orphan.id} to ${orphan.closest!.id} ("${orphan.closest!.text}", likeness ${orphan.closest!.similarity.toFixed(2)})`);
    else notes.push(at(record.file, orphan.line, `left ${orphan.id} alone: ${whyNotMoved(orphan, record)}`));
  }
  if (moves.length === 0) return undefined;
  const fixed = withMovedIds(text, record, moves);
  writeFileAtomic(path, fixed);
  // The same entries under their new ids: the report then describes the file as it now is.
  return { ...record, entries: record.entries.map((entry) => ({ ...entry, id: moves.find((m) => m.id === entry.id)?.closest!.id ?? entry.id })) };
}

function whyNotMoved(orphan: AssessReport['orphans'][number], record: EvidenceRecord): string {
  if (!orphan.closest) return 'no expectation text beside the id to compare; move it by hand';
  if (!orphan.movable) return `the closest expectation is too different to be sure (likeness ${orphan.closest.similarity.toFixed(2)}); move it by hand if it is the one`;
  if (record.entries.some((entry) => entry.id === orphan.closest!.id)) return `${orphan.closest.id} is already in the file; merge the two by hand`;
  return `another orphan pairs with ${orphan.closest.id} too; move the right one by hand`;
}

function ratingWarnings(report: AssessReport): string[] {
  return report.ratingProblems.map((p) => at(report.evidenceFile, p.line, `${p.who} rating "${p.rating}" is not on the scale; use one of: ${report.scale.join(', ')} (set in ladder.yaml, assess.scale)`));
}
