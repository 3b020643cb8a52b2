import type { ChalkInstance } from 'chalk';
import type { HealthStep, LadderHealth, ParityGap } from '../schema/health.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';

/** Cells of the widest bar; every other bar is drawn to the same scale. */
const BAR_WIDTH = 24;
/** Eighths of a cell, so steps that differ by one expectation still differ in length. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * The ladder's rhythm at a glance: one row per promotion step with a bar as long as the step is big, the
 * new expectations of each section under it, then what is flagged and why. Flags are words, so the
 * table reads the same without colour.
 */
export function formatHealthText(health: LadderHealth, { color }: { color: boolean }): string {
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
  const width = (key: keyof (typeof rows)[number], header: string) => Math.max(header.length, ...rows.map((row) => row[key].length));
  const w = { step: width('step', 'step'), track: width('track', 'track'), added: width('added', 'new'), evolved: width('evolved', 'evolved'), ratio: width('ratio', 'vs median') };
  const lines = [
    c.bold(`${plural(steps.length, 'promotion step')}; thin means under ${thresholds.minStep} new expectations or under ${thresholds.minRatio} × the track's median step`),
    '',
    c.dim(`${'step'.padEnd(w.step)}  ${'track'.padEnd(w.track)}  ${'new'.padStart(w.added)}  ${'evolved'.padStart(w.evolved)}  ${'vs median'.padStart(w.ratio)}  size`),
  ];
  steps.forEach((step, i) => {
    const row = rows[i]!;
    const flags = step.flags.length ? `  ${c.yellow(step.flags.join(', '))}` : '';
    lines.push(
      `${row.step.padEnd(w.step)}  ${row.track.padEnd(w.track)}  ${row.added.padStart(w.added)}  ${row.evolved.padStart(w.evolved)}  ${row.ratio.padStart(w.ratio)}  ${bar(step.added, widest, step, c)}${flags}`,
    );
    if (step.sections.length) lines.push(c.dim(`  ${step.sections.map((s) => `${s.title} ${s.added}`).join(' · ')}`));
  });
  lines.push(...flagged(health, c));
  lines.push('', summaryLine(health));
  return lines.join('\n') + '\n';
}

function bar(added: number, widest: number, step: HealthStep, c: ChalkInstance): string {
  const eighths = Math.round((added / widest) * BAR_WIDTH * 8);
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
