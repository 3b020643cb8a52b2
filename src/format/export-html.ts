import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { roleFileName } from '../text/role-id.js';
import type { ExportFile } from './exporters.js';
import { escapeHtml, htmlPage } from './html.js';
import { ladderGrid } from './ladder-grid.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { COMPARE_PAGE, compareFiles } from './site-compare.js';
import { SEARCH_BOX, SEARCH_CSS, SEARCH_SCRIPTS, searchFiles } from './site-search.js';

/**
 * A static site: `index.html` with the chart of tracks by levels and one page per role (`<id>.html`, see `roleFileName`).
 * Every piece of ladder text is escaped and shown as text (inline Markdown included), so a `<script>` in a
 * bullet reads as written. Roles link to each other only when their page is part of the export. Each
 * expectation's stable id is its anchor, so a link to one (`vp-engineering.html#…`) survives reordering.
 */
export function exportHtml(data: LadderExport, titles: Map<string, string>): ExportFile[] {
  const exported = new Set(data.roles.map((r) => r.id));
  const name = (id: string) => escapeHtml(titles.get(id) ?? id);
  const link = (id: string) => (exported.has(id) ? `<a href="${escapeHtml(roleFileName(id))}.html">${name(id)}</a>` : name(id));
  return [
    { path: 'index.html', content: indexPage(data) },
    ...data.roles.map((role) => ({ path: `${roleFileName(role.id)}.html`, content: rolePage(role, link) })),
    ...compareFiles(data, titles),
    ...searchFiles(data),
  ];
}

function indexPage(data: LadderExport): string {
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
<nav><a href="${COMPARE_PAGE}">Compare roles</a></nav>
${SEARCH_BOX}
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
</main>`;
  return htmlPage({ title: 'Career ladder', body, scripts: SEARCH_SCRIPTS, css: SEARCH_CSS });
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
<nav><a href="index.html">All roles</a> · <a href="${COMPARE_PAGE}">Compare roles</a></nav>
${SEARCH_BOX}
<h1>${escapeHtml(role.title)}</h1>
<p class="meta">${escapeHtml(role.id)} · track ${escapeHtml(role.track)} · level ${role.level} · ${escapeHtml(role.file)}</p>
<p>Inherits: ${chain}</p>
</header>
<main>
${role.description ? `<p class="description">${escapeHtml(role.description)}</p>\n` : ''}${sections.join('\n')}
<p class="summary">${plural(total, 'expectation')}: ${own} own (●), ${total - own} inherited (○).</p>
</main>`;
  return htmlPage({ title: `${role.title} · Career ladder`, body, scripts: SEARCH_SCRIPTS, css: SEARCH_CSS });
}
