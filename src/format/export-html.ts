import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { ladderSteps } from '../steps/steps.js';
import type { TrackSteps } from '../schema/steps.js';
import { roleFileName } from '../text/role-id.js';
import { slug } from '../text/slug.js';
import type { ExportFile } from './exporters.js';
import { escapeHtml, htmlPage } from './html.js';
import { ladderGrid } from './ladder-grid.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { stepsSitePage } from './steps-html.js';

/**
 * A static site: `index.html` with the chart of tracks by levels, one page per role (`<id>.html`, see `roleFileName`)
 * and one per track of what each level adds (`steps-<track>.html`).
 * Every piece of ladder text is escaped and shown as text (inline Markdown included), so a `<script>` in a
 * bullet reads as written. Roles link to each other only when their page is part of the export. Each
 * expectation's stable id is its anchor, so a link to one (`vp-engineering.html#…`) survives reordering.
 */
export function exportHtml(data: LadderExport, titles: Map<string, string>): ExportFile[] {
  const exported = new Set(data.roles.map((r) => r.id));
  const name = (id: string) => escapeHtml(titles.get(id) ?? id);
  const link = (id: string) => (exported.has(id) ? `<a href="${escapeHtml(roleFileName(id))}.html">${name(id)}</a>` : name(id));
  const steps = ladderSteps(data.roles).tracks.filter((track) => track.levels.length > 0);
  return [
    { path: 'index.html', content: indexPage(data, steps) },
    ...data.roles.map((role) => ({ path: `${roleFileName(role.id)}.html`, content: rolePage(role, link) })),
    ...steps.map((track) => ({ path: stepsPagePath(track), content: stepsSitePage(track, link) })),
  ];
}

/** `steps-<track>.html`: what each level of the track adds over the one before it. */
function stepsPagePath(track: TrackSteps): string {
  return `steps-${slug(track.track) || 'track'}.html`;
}

/** Links to the tracks' steps pages, under the chart. */
function stepsLinks(steps: TrackSteps[]): string {
  if (steps.length === 0) return '';
  const links = steps.map((track) => `<a href="${escapeHtml(stepsPagePath(track))}">${escapeHtml(track.track)}</a>`);
  return `<p class="steps">What each level adds, track by track: ${links.join(' · ')}</p>\n`;
}

function indexPage(data: LadderExport, steps: TrackSteps[]): string {
  const grid = ladderGrid(data.roles);
  const cell = (level: number, track: string) =>
    grid
      .at(level, track)
      .map((r) => `<a href="${escapeHtml(roleFileName(r.id))}.html">${escapeHtml(r.title)}</a><span class="role-id">${escapeHtml(r.id)}</span>`)
      .join('');
  const rows = grid.levels.map(
    (level) => `<tr><th scope="row">${level}</th>${grid.tracks.map((track) => `<td>${cell(level, track)}</td>`).join('')}</tr>`,
  );
  const body = `<header>
<h1>Career ladder</h1>
<p class="meta">${plural(data.roles.length, 'role')} in ${plural(grid.tracks.length, 'track')}, read from ${escapeHtml(data.generatedFrom)} by ladder ${escapeHtml(data.version)}.</p>
</header>
<main>
<div class="chart">
<table>
<thead><tr><th scope="col">Level</th>${grid.tracks.map((t) => `<th scope="col">${escapeHtml(t)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${stepsLinks(steps)}</main>`;
  return htmlPage({ title: 'Career ladder', body });
}

function rolePage(role: ResolvedRole, link: (id: string) => string): string {
  const chain = role.chain.length > 1 ? role.chain.slice(1).map(link).join(' → ') : 'nothing (top of its chain)';
  let own = 0;
  const sections = role.sections.map((section) => {
    const items = placeExpectations(section).map(({ expectation, depth, opens }) => {
      // A subsection heading sits inside the list as an item of its own, so the list stays one list.
      const heading = opens === undefined ? '' : `<li class="subsection"><h3>${escapeHtml(opens)}</h3></li>\n`;
      // Nesting as a class, not a style attribute: the page's content security policy allows no inline styles.
      const nested = depth > 0 ? ` depth-${Math.min(depth, 3)}` : '';
      const examples = expectation.examples?.length ? `<ul class="examples">${expectation.examples.map((example) => `<li>e.g. ${escapeHtml(example)}</li>`).join('')}</ul>` : '';
      const text = `<span class="text">${escapeHtml(expectation.text)}</span>${examples}`;
      if (expectation.source === role.id) {
        own++;
        return `${heading}<li class="own${nested}" id="${escapeHtml(expectation.id)}"><span class="marker" title="own expectation">●</span><span>${text}</span></li>`;
      }
      return `${heading}<li class="inherited${nested}" id="${escapeHtml(expectation.id)}"><span class="marker" title="inherited expectation">○</span><span>${text} <span class="source">(from ${link(expectation.source)})</span></span></li>`;
    });
    const examples = (section.examples ?? []).map((example) => `<li>e.g. ${escapeHtml(example.text)} <span class="source">(from ${link(example.source)})</span></li>`);
    return `<section>
<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.title)}</h2>
<ul class="expectations">
${items.join('\n')}
</ul>
${examples.length ? `<h3>Examples</h3>\n<ul class="examples">\n${examples.join('\n')}\n</ul>\n` : ''}</section>`;
  });
  const total = role.sections.reduce((n, s) => n + s.expectations.length, 0);
  const body = `<header>
<nav><a href="index.html">All roles</a></nav>
<h1>${escapeHtml(role.title)}</h1>
<p class="meta">${escapeHtml(role.id)} · track ${escapeHtml(role.track)} · level ${role.level} · ${escapeHtml(role.file)}</p>
<p>Inherits: ${chain}</p>
</header>
<main>
${role.description ? `<p class="description">${escapeHtml(role.description)}</p>\n` : ''}${sections.join('\n')}
<p class="summary">${plural(total, 'expectation')}: ${own} own (●), ${total - own} inherited (○).</p>
</main>`;
  return htmlPage({ title: `${role.title} · Career ladder`, body });
}
