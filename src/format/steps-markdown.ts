import type { DiffExpectation, WordChange } from '../schema/diff.js';
import type { LadderSteps, LevelRole } from '../schema/steps.js';
import { escapeMarkdown, inertMarkdown } from './markdown-escape.js';
import { countsOf } from './steps-text.js';

/**
 * A table per track for a wiki page or a pull request: a row per level, a column per section, each cell
 * what the level adds there, items separated by `<br>`; an evolved expectation is its word diff, words
 * dropped in `<del>` and words added in `<ins>`. Ladder text is made inert (no raw HTML, no mentions) and
 * its pipes escaped, so no expectation can break out of its cell.
 */
export function formatStepsMarkdown(steps: LadderSteps): string {
  const blocks = ['# Steps', 'What each level adds over the role it inherits from, section by section. Changed words of an evolved expectation: <del>dropped</del>, <ins>added</ins>.'];
  for (const track of steps.tracks) {
    blocks.push(`## Track ${escapeMarkdown(track.track)}`);
    const rows = track.levels.map((level) => {
      const added = new Map(level.sections.map((section) => [section.id, section.expectations]));
      return tableRow([levelCell(level, countsOf(level.summary)), ...track.sections.map(({ id }) => itemsCell((added.get(id) ?? []).map(stepItemMarkdown)))]);
    });
    blocks.push([tableRow(['Level', ...track.sections.map((s) => escapeMarkdown(s.title))]), tableRow(['---', ...track.sections.map(() => '---')]), ...rows].join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** "**Senior Engineer** (level 2)<br>after Engineer<br>5 new expectations": the role, its parent, an optional note. */
export function levelCell(level: LevelRole, note?: string): string {
  const after = level.parent ? `<br>after ${escapeMarkdown(level.parent.title)}${level.parent.track === level.track ? '' : ` (${escapeMarkdown(level.parent.track)})`}` : '';
  return `**${escapeMarkdown(level.title)}** (level ${level.level})${after}${note ? `<br>*${note}*` : ''}`;
}

/** Items in one table cell, a `<br>` between them; `–` for none, so an empty cell reads as nothing rather than a gap. */
export function itemsCell(items: string[]): string {
  return items.length ? items.join('<br>') : '–';
}

/** Ladder text for a table cell: inert (see inertMarkdown), one line, its pipes escaped. */
export function cellText(text: string): string {
  return inertMarkdown(text).replaceAll('|', '\\|');
}

function stepItemMarkdown(e: DiffExpectation): string {
  return e.evolvesFrom ? `~ ${wordDiffMarkdown(e.evolvesFrom.changes)}` : `● ${cellText(e.text)}`;
}

function wordDiffMarkdown(changes: WordChange[]): string {
  return changes.map((change) => (change.added ? `<ins>${cellText(change.value)}</ins>` : change.removed ? `<del>${cellText(change.value)}</del>` : cellText(change.value))).join('');
}
