import type { LadderMatrix } from '../schema/matrix.js';
import { escapeHtml, htmlPage } from './html.js';
import { htmlTable, itemList, levelHead } from './steps-html.js';

/** `ladder matrix --format html`: one standalone page, a table per track, sections by levels. */
export function formatMatrixHtml(matrix: LadderMatrix): string {
  const name = (_id: string, title: string) => escapeHtml(title);
  const tracks = matrix.tracks.map((track) => {
    const rows = track.sections.map((section) => {
      const cells = section.cells.map((cell) => `<td>${itemList(cell.expectations.map((e) => `${e.source === cell.role ? '●' : '○'} ${escapeHtml(e.text)}`))}</td>`);
      return `<tr><th scope="row">${escapeHtml(section.title)}</th>${cells.join('')}</tr>`;
    });
    const table = htmlTable(['Section', ...track.levels.map((level) => levelHead(level, name))], rows);
    return `<section>\n<h2>Track ${escapeHtml(track.track)}</h2>\n${table}\n</section>`;
  });
  const intro = matrix.cumulative ? 'Everything each level holds, section by section: ● its own, ○ inherited.' : 'What each level writes of its own, section by section.';
  return htmlPage({ title: 'Competency matrix · Career ladder', body: `<header>\n<h1>Competency matrix</h1>\n<p class="meta">${intro}</p>\n</header>\n<main>\n${tracks.join('\n')}\n</main>` });
}
