import type { ChalkInstance } from 'chalk';
import type { HealthStep, LadderHealth, ParityGap } from '../schema/health.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang } from './wrap.js';

/** Cells of the widest bar; every other bar is drawn to the same scale. */
const BAR_WIDTH = 24;
/** The shortest bar worth drawing in a table row; with less room than this the steps are stacked instead. */
const BAR_NARROWEST = 8;
/** Eighths of a cell, so steps that differ by one expectation still differ in length. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * The ladder's rhythm at a glance: one row per promotion step with a bar as long as the step is big, the
 * new expectations of each section under it, then what is flagged and why. Flags are words, so the
 * table reads the same without colour.
 */
export function formatHealthText(health: LadderHealth, { color, width }: { color: boolean; width?: number }): string {
  health = showControlsIn(health);
  const c = paint(color);
  const { steps, thresholds } = health;
  if (steps.length === 0) return 'No promotion steps: no role of this ladder inherits from another.\n';
  const widest = Math.max(1, ...steps.map((step) => step.added));
  const rows = steps.map((step) => ({
    step: `${step.from.id} → ${step.to.id}`,
    track: step.crossTrack ? `${step.from.track} → ${step.track}` : step.track,
    added: String(step.added),
    evolved: String(step.evolved),
    ratio: step.ratio === null ? '–' : `${step.ratio.toFixed(2)}×`,
  }));
  const column = (key: keyof (typeof rows)[number], header: string) => Math.max(header.length, ...rows.map((row) => row[key].length));
  const w = { step: column('step', 'step'), track: column('track', 'track'), added: column('added', 'new'), evolved: column('evolved', 'evolved'), ratio: column('ratio', 'vs median') };
  const flagsWidth = Math.max(0, ...steps.map((step) => (step.flags.length ? 2 + step.flags.join(', ').length : 0)));
  const table = w.step + w.track + w.added + w.evolved + w.ratio + 5 * 2;
  const room = width === undefined ? BAR_WIDTH : Math.min(BAR_WIDTH, width - table - flagsWidth);
  const lines = [
    c.bold(`${plural(steps.length, 'promotion step')}; thin means under ${plural(thresholds.minStep, 'new expectation')} or under ${thresholds.minRatio} × the track's median step`),
    '',
  ];
  const stacked = room < BAR_NARROWEST;
  if (!stacked) lines.push(c.dim(`${'step'.padEnd(w.step)}  ${'track'.padEnd(w.track)}  ${'new'.padStart(w.added)}  ${'evolved'.padStart(w.evolved)}  ${'vs median'.padStart(w.ratio)}  size`));
  steps.forEach((step, i) => {
    const row = rows[i]!;
    const flags = step.flags.length ? `  ${c.yellow(step.flags.join(', '))}` : '';
    if (stacked) {
      // Too narrow for the table: the step on a line of its own, its numbers and a shorter bar under it.
      lines.push(`${row.step}  ${c.dim(row.track)}`);
      lines.push(hang('  ', `new ${row.added} · evolved ${row.evolved} · vs median ${row.ratio}  ${bar(step.added, widest, step, c, BAR_NARROWEST)}${flags}`, width));
    } else {
      lines.push(
        `${row.step.padEnd(w.step)}  ${row.track.padEnd(w.track)}  ${row.added.padStart(w.added)}  ${row.evolved.padStart(w.evolved)}  ${row.ratio.padStart(w.ratio)}  ${bar(step.added, widest, step, c, room)}${flags}`,
      );
    }
    if (step.sections.length) lines.push(hang('  ', c.dim(step.sections.map((s) => `${s.title} ${s.added}`).join(' · ')), width));
  });
  lines.push(...flagged(health, c));
  lines.push('', summaryLine(health));
  return fitLines(lines.join('\n'), width) + '\n';
}

function bar(added: number, widest: number, step: HealthStep, c: ChalkInstance, cells: number): string {
  const eighths = Math.round((added / widest) * cells * 8);
  // A step that adds anything shows at least a sliver, so it never reads as empty.
  const shown = added > 0 ? Math.max(1, eighths) : 0;
  const text = '█'.repeat(Math.floor(shown / 8)) + EIGHTHS[shown % 8]!;
  return step.flags.includes('thin') ? c.yellow(text) : c.green(text);
}

function flagged(health: LadderHealth, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const thin = health.steps.filter((step) => step.flags.includes('thin'));
  if (thin.length) lines.push('', c.bold('Thin steps'), ...thin.map((step) => `  ${stepName(step)}: ${thinReason(step, health)}`));
  const reworded = health.steps.filter((step) => step.flags.includes('mostly-reworded'));
  if (reworded.length) {
    lines.push('', c.bold('Mostly rewordings'), ...reworded.map((step) => `  ${stepName(step)}: ${rewordedReason(step)}`));
  }
  if (health.neverGrowing.length) {
    lines.push(
      '',
      c.bold('Sections that never grow'),
      ...health.neverGrowing.map((s) => `  ${s.track}: "${s.section}" gains nothing after ${s.root} (${s.roles.join(', ')})`),
    );
  }
  if (health.parity.length) lines.push('', c.bold('Parity gaps (information)'), ...health.parity.map((gap) => `  ${parityGap(gap)}`));
  return lines;
}

/** "level 3, "Delivery": engineering-manager adds to it, staff-engineer does not". */
export function parityGap(gap: ParityGap): string {
  return `level ${gap.level}, "${gap.section}": ${gap.has.join(', ')} ${gap.has.length === 1 ? 'adds' : 'add'} to it, ${gap.lacks.join(', ')} ${gap.lacks.length === 1 ? 'does' : 'do'} not`;
}

export function stepName(step: HealthStep): string {
  return `${step.from.title} → ${step.to.title}`;
}

/** Why a step is thin, with the numbers that made it so. */
export function thinReason(step: HealthStep, { thresholds }: Pick<LadderHealth, 'thresholds'>): string {
  const reasons: string[] = [];
  if (step.added < thresholds.minStep) reasons.push(`fewer than ${thresholds.minStep}`);
  if (step.added < thresholds.minRatio * step.median) reasons.push(`under ${thresholds.minRatio} × the ${step.track} median of ${step.median}`);
  return `${plural(step.added, 'new expectation')}, ${reasons.join(' and ')}`;
}

export function rewordedReason(step: HealthStep): string {
  return `${step.evolved} of ${plural(step.added, 'new expectation')} (${Math.round((step.evolved / step.added) * 100)}%) reword inherited ones`;
}

export function summaryLine({ summary: s }: LadderHealth): string {
  return `${plural(s.steps, 'step')}: ${s.thin} thin, ${s.mostlyReworded} mostly rewordings; ${plural(s.neverGrowing, 'never-growing section')}`;
}
