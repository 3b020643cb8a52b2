import type { ChalkInstance } from 'chalk';
import type { DiffExpectation } from '../schema/diff.js';
import type { LadderSteps, LevelRole } from '../schema/steps.js';
import { inlineWordDiff } from './diff-text.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines, hang, oneParagraph } from './wrap.js';

export interface StepsTextOptions {
  color: boolean;
  /** The terminal's columns; none when piped. */
  width?: number;
}

/**
 * A track's progression as blocks that fit a terminal: per level, what it adds section by section; a new
 * expectation `●`, an evolved one `~` with the word diff from the one it sharpens (`[-was-]{+now+}`
 * without colour), so the whole track reads top to bottom on one page.
 */
export function formatStepsText(steps: LadderSteps, { color, width }: StepsTextOptions): string {
  steps = showControlsIn(steps);
  const c = paint(color);
  const lines: string[] = [];
  for (const track of steps.tracks) {
    if (lines.length) lines.push('');
    lines.push(c.bold.underline(`Track ${track.track}`), c.dim('What each level adds over the role it inherits from'));
    for (const level of track.levels) {
      lines.push('', `${c.bold(levelName(level))}${c.dim(` · ${countsOf(level.summary)}`)}`);
      for (const section of level.sections) {
        lines.push(`  ${c.underline(section.title)}`);
        lines.push(...section.expectations.map((e) => stepItem(e, c, width)));
      }
    }
  }
  return fitLines(lines.join('\n'), width) + '\n';
}

/** "Level 3 · Engineering Manager, after Senior Engineer (makers)": the parent named, its track too when it is another. */
export function levelName(level: LevelRole): string {
  const { parent } = level;
  const after = parent ? `, after ${parent.title}${parent.track === level.track ? '' : ` (${parent.track})`}` : '';
  return `Level ${level.level} · ${level.title}${after}`;
}

export function countsOf({ new: added, evolved }: { new: number; evolved: number }): string {
  return evolved ? `${plural(added, 'new expectation')}, ${evolved} evolved` : plural(added, 'new expectation');
}

function stepItem(e: DiffExpectation, c: ChalkInstance, width: number | undefined): string {
  if (!e.evolvesFrom) return hang(`    ${c.green('●')} `, oneParagraph(e.text), width);
  return hang(`    ${c.yellow('~')} `, oneParagraph(inlineWordDiff(e.evolvesFrom.changes, c)), width);
}
