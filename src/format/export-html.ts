import { compareRoles } from '../diff/compare-roles.js';
import type { Evolution } from '../schema/diff.js';
import type { LadderExport } from '../schema/export.js';
import type { ResolvedExpectation, ResolvedRole, ResolvedSection } from '../schema/role.js';
import type { TrackSteps } from '../schema/steps.js';
import { ladderSteps } from '../steps/steps.js';
import { roleFileName } from '../text/role-id.js';
import { slug } from '../text/slug.js';
import type { ExportFile, SiteContext } from './exporters.js';
import { escapeHtml, sitePage, type SiteFrame } from './html.js';
import { ladderGrid } from './ladder-grid.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { blocksHtml, expectationHtml, firstHeading, parseMarkdown, plainText } from './site-markdown.js';
import { stepsSitePage } from './steps-html.js';
import { COMPARE_PAGE, compareFiles } from './site-compare.js';
import { SEARCH_BOX, SEARCH_CSS, SEARCH_SCRIPTS, searchFiles } from './site-search.js';

/**
 * A static site: `index.html` with the chart of tracks by levels and the ladder's intro, one page per role
 * (`<id>.html`, see `roleFileName`) and one per track of what each level adds (`steps-<track>.html`). Ladder text is rendered through a whitelist of Markdown (see
 * site-markdown.ts), so a `<script>` in a bullet reads as written. Roles link to each other only when their
 * page is part of the export. Each expectation's stable id is its anchor, so a link to one
 * (`vp-engineering.html#…`) survives reordering.
 */
export function exportHtml(data: LadderExport, titles: Map<string, string>, site: SiteContext = { folder: lastSegment(data.generatedFrom) }): ExportFile[] {
  const ctx = siteOf(data, titles, site);
  const steps = ladderSteps(data.roles).tracks.filter((track) => track.levels.length > 0);
  return [
    { path: 'index.html', content: indexPage(data, ctx, steps) },
    ...data.roles.map((role) => ({ path: `${roleFileName(role.id)}.html`, content: rolePage(role, ctx) })),
    ...steps.map((track) => ({ path: stepsPagePath(track), content: stepsSitePage(track, (id) => ctx.link(id), ctx.frame, stepsPagePath(track), ctx.track(track.track)) })),
    ...compareFiles(data, titles, ctx.frame),
    ...searchFiles(data),
  ];
}

/** `steps-<track>.html`: what each level of the track adds over the one before it. */
function stepsPagePath(track: TrackSteps): string {
  return `steps-${slug(track.track) || 'track'}.html`;
}

/** Links to the tracks' steps pages, under the chart. */
function stepsLinks(steps: TrackSteps[], site: Site): string {
  if (steps.length === 0) return '';
  const links = steps.map((track) => `<a href="${escapeHtml(stepsPagePath(track))}">${escapeHtml(site.track(track.track))}</a>`);
  return `<p class="steps">What each level adds, track by track: ${links.join(' · ')}</p>\n`;
}

/** What the pages of one export share. */
export interface Site {
  frame: SiteFrame;
  /** The intro's Markdown as HTML, its first heading left out when it names the site. */
  intro: string;
  track: (name: string) => string;
  /** A role's title, linked to its page when that is part of the export; `anchor` links one expectation on it. */
  link: (id: string, anchor?: string) => string;
  roles: Map<string, ResolvedRole>;
}

function siteOf(data: LadderExport, titles: Map<string, string>, site: SiteContext): Site {
  const roles = new Map(data.roles.map((r) => [r.id, r]));
  const intro = site.intro === undefined ? undefined : parseMarkdown(site.intro);
  const heading = intro && firstHeading(intro);
  const title = site.title ?? (heading ? plainText(heading) : 'Career ladder');
  const body = intro ? intro.children.filter((node) => node !== heading || site.title !== undefined) : [];
  const name = (id: string) => escapeHtml(titles.get(id) ?? id);
  return {
    frame: { title, folder: site.folder, version: data.version },
    intro: blocksHtml(body, 2),
    track: (track) => site.tracks?.[track] ?? track,
    link: (id, anchor) => (roles.has(id) ? `<a href="${pageHref(id, anchor)}">${name(id)}</a>` : name(id)),
    roles,
  };
}

/** The href of a role's page, or of one expectation on it: an id's `/` may stay in a fragment, all else is encoded. */
export function pageHref(id: string, anchor?: string): string {
  const page = `${escapeHtml(roleFileName(id))}.html`;
  return anchor === undefined ? page : `${page}#${escapeHtml(fragment(anchor))}`;
}

/** An expectation id as an HTML id: ids hold no white space. */
export function anchorOf(id: string): string {
  return id.replace(/\s/g, '_');
}

function fragment(anchor: string): string {
  return encodeURIComponent(anchorOf(anchor)).replace(/%2F/g, '/');
}

/** The last part of a path: the folder's name, not where it lay on the machine that exported it. */
function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '' && part !== '.').pop() ?? 'ladder';
}

function indexPage(data: LadderExport, site: Site, steps: TrackSteps[]): string {
  const grid = ladderGrid(data.roles);
  const cell = (level: number, track: string) =>
    grid
      .at(level, track)
      .map((r) => `<a href="${pageHref(r.id)}">${escapeHtml(r.title)}</a><span class="role-id">${escapeHtml(r.id)}</span>`)
      .join('');
  const rows = grid.levels.map(
    (level) => `<tr><th scope="row">${level}</th>${grid.tracks.map((track) => `<td>${cell(level, track)}</td>`).join('')}</tr>`,
  );
  const header = `<h1>${escapeHtml(site.frame.title)}</h1>
<p class="meta">${plural(data.roles.length, 'role')} in ${plural(grid.tracks.length, 'track')}, read from ${escapeHtml(site.frame.folder)} by ladder ${escapeHtml(data.version)}.</p>
<nav aria-label="Tools"><a href="${COMPARE_PAGE}">Compare roles</a></nav>
${SEARCH_BOX}`;
  const main = `<div class="chart" role="region" aria-label="Roles by track and level" tabindex="0">
<table>
<thead><tr><th scope="col">Level</th>${grid.tracks.map((t) => `<th scope="col">${escapeHtml(site.track(t))}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${stepsLinks(steps, site)}${site.intro ? `<div class="intro">\n${site.intro}\n</div>` : ''}`;
  return sitePage(site.frame, { path: 'index.html', title: site.frame.title, header, main, index: true, scripts: SEARCH_SCRIPTS, css: SEARCH_CSS });
}

/** What the role changes from its parent: the inherited expectations its own ones sharpen, both ways round. */
interface Evolutions {
  sharpens: Map<string, Evolution>;
  sharpenedBy: Map<string, string>;
}

function evolutionsOf(role: ResolvedRole, site: Site): Evolutions {
  const parent = site.roles.get(role.chain[1] ?? '');
  const sharpens = new Map<string, Evolution>();
  const sharpenedBy = new Map<string, string>();
  if (parent) {
    for (const section of compareRoles(parent, role).sections) {
      for (const added of section.added) {
        if (!added.evolvesFrom) continue;
        sharpens.set(added.id, added.evolvesFrom);
        sharpenedBy.set(added.evolvesFrom.id, added.id);
      }
    }
  }
  return { sharpens, sharpenedBy };
}

function rolePage(role: ResolvedRole, site: Site): string {
  const evolutions = evolutionsOf(role, site);
  const total = role.sections.reduce((n, s) => n + s.expectations.length, 0);
  const own = role.sections.reduce((n, s) => n + s.expectations.filter((e) => e.source === role.id).length, 0);
  const chain = role.chain.length > 1 ? role.chain.slice(1).map((id) => site.link(id)).join(' → ') : 'nothing (top of its chain)';
  const header = `<nav aria-label="Tools"><a href="${COMPARE_PAGE}">Compare roles</a></nav>
${SEARCH_BOX}
<h1>${escapeHtml(role.title)}</h1>
<p class="meta">${escapeHtml(role.id)} · track ${escapeHtml(site.track(role.track))} · level ${role.level} · ${escapeHtml(role.file)}</p>
<p>Inherits: ${chain}</p>
${levelLinks(role, site)}`;
  const main = `<p class="legend"><span class="own"><span class="marker">●</span></span> own expectation, new at this level · <span class="evolved"><span class="marker">◐</span></span> own, sharpens an inherited one · ○ inherited, with the role it comes from</p>
<fieldset class="view-switch"><legend>Show</legend>
<label><input type="radio" name="view" id="ladder-view-new" checked> What is new at this level (${own})</label>
<label><input type="radio" name="view" id="ladder-view-all"> Everything expected (${total})</label>
</fieldset>
<nav class="contents" aria-label="Contents"><h2>Contents</h2>
<ol>
${role.sections.map((s) => `<li><a href="#${escapeHtml(fragment(s.id))}">${escapeHtml(s.title)}</a></li>`).join('\n')}
</ol>
</nav>
${role.description ? `<div class="description">\n${blocksHtml(parseMarkdown(role.description).children, 3)}\n</div>\n` : ''}${role.sections.map((s) => sectionHtml(s, role, site, evolutions)).join('\n')}
<p class="summary">${plural(total, 'expectation')}: ${own} own (●), ${total - own} inherited (○).</p>`;
  return sitePage(site.frame, { path: `${roleFileName(role.id)}.html`, title: role.title, header, main, scripts: SEARCH_SCRIPTS, css: SEARCH_CSS });
}

/** The level below (the parent) and the levels above (roles that inherit this one), where they are exported. */
function levelLinks(role: ResolvedRole, site: Site): string {
  const parent = role.chain[1];
  const below = parent !== undefined && site.roles.has(parent) ? [`<a rel="prev" href="${pageHref(parent)}">← Level below: ${escapeHtml(site.roles.get(parent)!.title)}</a>`] : [];
  const above = [...site.roles.values()].filter((r) => r.inherits === role.id).map((r) => `<a rel="next" href="${pageHref(r.id)}">Level above: ${escapeHtml(r.title)} →</a>`);
  return below.length + above.length ? `<nav class="levels" aria-label="Levels">${[...below, ...above].join('\n')}</nav>` : '';
}

function sectionHtml(section: ResolvedSection, role: ResolvedRole, site: Site, evolutions: Evolutions): string {
  // Subsections holding none of the role's own expectations, whose headings "what is new" leaves out.
  const inheritedOnly = new Set(section.expectations.map((e) => e.subsection));
  for (const e of section.expectations) if (e.source === role.id) inheritedOnly.delete(e.subsection);
  const items = placeExpectations(section).map(({ expectation, depth, opens }) => {
    // A subsection heading sits inside the list as an item of its own, so the list stays one list.
    const kind = inheritedOnly.has(opens) ? 'subsection inherited-only' : 'subsection';
    const heading = opens === undefined ? '' : `<li class="${kind}"><h3>${escapeHtml(opens)}</h3></li>\n`;
    return heading + expectationItem(expectation, depth, role, site, evolutions);
  });
  const examples = (section.examples ?? []).map((example) => `<li>e.g. ${expectationHtml(example.text)} <span class="source">(from ${site.link(example.source)})</span></li>`);
  return `<section>
<h2 id="${escapeHtml(anchorOf(section.id))}">${escapeHtml(section.title)}</h2>
<ul class="expectations">
${items.join('\n')}
</ul>
${examples.length ? `<h3>Examples</h3>\n<ul class="examples">\n${examples.join('\n')}\n</ul>\n` : ''}</section>`;
}

function expectationItem(expectation: ResolvedExpectation, depth: number, role: ResolvedRole, site: Site, evolutions: Evolutions): string {
  const anchor = anchorOf(expectation.id);
  // Nesting as a class, not a style attribute: the page's content security policy allows no inline styles.
  const nested = depth > 0 ? ` depth-${Math.min(depth, 3)}` : '';
  const examples = expectation.examples?.length ? `<ul class="examples">${expectation.examples.map((example) => `<li>e.g. ${expectationHtml(example)}</li>`).join('')}</ul>` : '';
  const text = `<span class="text">${expectationHtml(expectation.text)}</span>${examples}`;
  const permalink = `<a class="permalink" href="#${escapeHtml(fragment(anchor))}" aria-label="Link to this expectation">#</a>`;
  const item = (kind: string, marker: string, title: string, body: string) =>
    `<li class="${kind}${nested}" id="${escapeHtml(anchor)}"><span class="marker" title="${title}">${marker}</span><span class="body">${body}</span>${permalink}</li>`;
  if (expectation.source === role.id) {
    const evolution = evolutions.sharpens.get(expectation.id);
    if (!evolution) return item('own', '●', 'own expectation', text);
    return item('own evolved', '◐', 'own expectation, sharpening an inherited one', `${text}${sharpening(evolution, site)}`);
  }
  const sharpenedBy = evolutions.sharpenedBy.get(expectation.id);
  const note = sharpenedBy === undefined ? '' : ` · <a href="#${escapeHtml(fragment(sharpenedBy))}">sharpened at this level</a>`;
  return item('inherited', '○', 'inherited expectation', `${text} <span class="source">(from ${site.link(expectation.source, expectation.id)})${note}</span>`);
}

/** What an evolved expectation changes in the one it sharpens: a link to that one and the word diff. */
function sharpening(evolution: Evolution, site: Site): string {
  const words = evolution.changes
    .map((change) => (change.added ? `<ins>${escapeHtml(change.value)}</ins>` : change.removed ? `<del>${escapeHtml(change.value)}</del>` : escapeHtml(change.value)))
    .join('');
  const from = site.roles.get(evolution.source)?.title ?? evolution.source;
  return `<span class="evolves">Sharpens <a href="#${escapeHtml(fragment(evolution.id))}">an expectation of ${escapeHtml(from)}</a>: <span class="word-diff">${words}</span></span>`;
}
