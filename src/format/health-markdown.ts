import type { LadderHealth } from '../schema/health.js';
import { escapeMarkdown } from './markdown-escape.js';
import { parityGap, rewordedReason, stepName, summaryLine, thinReason } from './health-text.js';

/**
 * Ladder health for a pull request or a wiki page: a table of the steps with their sizes and sections,
 * then what is flagged and why. Titles go into table cells, so `|` in them is escaped.
 */
export function formatHealthMarkdown(health: LadderHealth): string {
  const { thresholds } = health;
  const blocks = [
    '## Ladder health',
    `${summaryLine(health)}. A step is thin under ${thresholds.minStep} new expectations or under ${thresholds.minRatio} × its track's median step.`,
  ];
  if (health.steps.length) {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    blocks.push(
      [
        row(['Step', 'Track', 'New', 'Evolved', 'vs median', 'By section', 'Flags']),
        row(['---', '---', '---:', '---:', '---:', '---', '---']),
        ...health.steps.map((step) =>
          row([
            escapeMarkdown(stepName(step)),
            escapeMarkdown(step.crossTrack ? `${step.from.track} → ${step.track}` : step.track),
            String(step.added),
            String(step.evolved),
            step.ratio === null ? '–' : `${step.ratio.toFixed(2)}×`,
            escapeMarkdown(step.sections.map((s) => `${s.title} ${s.added}`).join(', ')),
            step.flags.join(', '),
          ]),
        ),
      ].join('\n'),
    );
  }
  const thin = health.steps.filter((step) => step.flags.includes('thin'));
  if (thin.length) blocks.push('### Thin steps', thin.map((step) => `- **${escapeMarkdown(stepName(step))}**: ${thinReason(step, health)}.`).join('\n'));
  const reworded = health.steps.filter((step) => step.flags.includes('mostly-reworded'));
  if (reworded.length) blocks.push('### Mostly rewordings', reworded.map((step) => `- **${escapeMarkdown(stepName(step))}**: ${rewordedReason(step)}.`).join('\n'));
  if (health.neverGrowing.length) {
    blocks.push(
      '### Sections that never grow',
      health.neverGrowing.map((s) => `- ${escapeMarkdown(s.track)}: **${escapeMarkdown(s.section)}** gains nothing after \`${s.root}\` (${s.roles.map((id) => `\`${id}\``).join(', ')}).`).join('\n'),
    );
  }
  if (health.parity.length) blocks.push('### Parity gaps (information)', health.parity.map((gap) => `- ${escapeMarkdown(parityGap(gap))}.`).join('\n'));
  return blocks.join('\n\n') + '\n';
}
