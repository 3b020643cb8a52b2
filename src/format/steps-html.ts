import type { DiffExpectation, WordChange } from '../schema/diff.js';
import type { LadderSteps, LevelRole, TrackSteps } from '../schema/steps.js';
import { escapeHtml, htmlPage, sitePage, type SiteFrame } from './html.js';
import { countsOf } from './steps-text.js';

/** How a page names a role: a link to its page on the exported site, plain text on a standalone page. */
export type RoleName = (id: string, title: string) => string;

const plainName: RoleName = (_id, title) => escapeHtml(title);

/** `ladder steps --format html`: one standalone page, a table per track, in the site's page layout. */
export function formatStepsHtml(steps: LadderSteps): string {
  const tracks = steps.tracks.map((track) => `<section>\n<h2>Track ${escapeHtml(track.track)}</h2>\n${stepsTable(track, plainName)}\n</section>`);
  return htmlPage({ title: 'Steps · Career ladder', body: `<header>\n<h1>Steps</h1>\n<p class="meta">${INTRO}</p>\n</header>\n<main>\n${tracks.join('\n')}\n</main>` });
}

/** A page of the exported site: one track's steps, its roles linked to their pages. */
export function stepsSitePage(track: TrackSteps, name: RoleName, frame: SiteFrame, path: string, trackName: string): string {
  const header = `<h1>Steps: track ${escapeHtml(trackName)}</h1>
<p class="meta">${INTRO}</p>`;
  return sitePage(frame, { path, title: `Steps: ${trackName}`, header, main: stepsTable(track, name) });
}

const INTRO = 'What each level adds over the role it inherits from, section by section: ● new, ~ evolved from an inherited expectation (words dropped struck through, words added underlined).';

/** A row per level, a column per section; each cell a list of what the level adds there. */
function stepsTable(track: TrackSteps, name: RoleName): string {
  const rows = track.levels.map((level) => {
    const added = new Map(level.sections.map((section) => [section.id, section.expectations]));
    const cells = track.sections.map(({ id }) => `<td>${itemList((added.get(id) ?? []).map(stepItem))}</td>`);
    return `<tr><th scope="row">${levelHead(level, name, countsOf(level.summary))}</th>${cells.join('')}</tr>`;
  });
  return htmlTable(['Level', ...track.sections.map((s) => escapeHtml(s.title))], rows);
}

/** A table that scrolls sideways on a narrow screen rather than squeezing its columns to nothing. `headings` are HTML. */
export function htmlTable(headings: string[], rows: string[]): string {
  return `<div class="chart">
<table>
<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

/** The role, the level, the role it builds on, and an optional note under them. */
export function levelHead(level: LevelRole, name: RoleName, note?: string): string {
  const { parent } = level;
  const after = parent ? `<span class="meta">after ${name(parent.id, parent.title)}${parent.track === level.track ? '' : ` (${escapeHtml(parent.track)})`}</span>` : '';
  return `${name(level.id, level.title)}<span class="role-id">level ${level.level}</span>${after}${note ? `<span class="meta">${escapeHtml(note)}</span>` : ''}`;
}

/** Items of one cell as a list, or a dash for none. */
export function itemList(items: string[]): string {
  return items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '–';
}

function stepItem(e: DiffExpectation): string {
  return e.evolvesFrom ? `~ ${wordDiffHtml(e.evolvesFrom.changes)}` : `● ${escapeHtml(e.text)}`;
}

function wordDiffHtml(changes: WordChange[]): string {
  return changes.map((change) => (change.added ? `<ins>${escapeHtml(change.value)}</ins>` : change.removed ? `<del>${escapeHtml(change.value)}</del>` : escapeHtml(change.value))).join('');
}
