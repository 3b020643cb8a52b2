import { compareRoles } from '../diff/compare-roles.js';
import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { compareData } from './assets/compare-data.js';
import { diffView, sourceName, type SourceName } from './assets/diff-view.js';
import { viewHtml } from './assets/view-node.js';
import type { ExportFile } from './exporters.js';
import { escapeHtml, sitePage, type SiteFrame } from './html.js';
import { siteScript } from './site-script.js';

export const COMPARE_PAGE = 'compare.html';

/**
 * The site's compare page and what it needs. With script, a reader picks any two roles and the page's own
 * script (assets/compare.js) computes their diff from the resolved ladder (assets/compare-data.js) with
 * the same code as `ladder diff`; computing every pair at export would grow with the square of the roles.
 * Without script, the page still shows each role against the role it inherits from, computed here.
 */
export function compareFiles(data: LadderExport, titles: ReadonlyMap<string, string>, frame: SiteFrame): ExportFile[] {
  return [
    { path: COMPARE_PAGE, content: comparePage(data, titles, frame) },
    { path: 'assets/compare-data.js', content: `window.ladderCompare = ${JSON.stringify(compareData(data.roles, titles))};\n` },
    { path: 'assets/compare.js', content: siteScript('compare') },
  ];
}

function comparePage(data: LadderExport, titles: ReadonlyMap<string, string>, frame: SiteFrame): string {
  const byId = new Map(data.roles.map((role) => [role.id, role]));
  const source = sourceName(Object.fromEntries(titles), new Set(byId.keys()));
  const steps = data.roles.flatMap((role) => {
    const parent = role.inherits === null ? undefined : byId.get(role.inherits);
    return parent ? [stepSection(parent, role, source)] : [];
  });
  const header = `<h1>Compare roles</h1>
<p class="meta">What one role expects that another does not, as <code>ladder diff</code> shows it: + added, ~ evolved from an earlier expectation (struck words replaced by underlined ones), − no longer expected.</p>
<form class="compare-choice" hidden>
<div><label for="compare-from">From</label> <select id="compare-from" name="from">${roleOptions(data.roles)}</select></div>
<div><label for="compare-to">To</label> <select id="compare-to" name="to">${roleOptions(data.roles)}</select></div>
</form>`;
  const main = `<section id="chosen" hidden>
<h2 id="chosen-title"></h2>
<div id="chosen-diff" aria-live="polite"></div>
</section>
<h2>Each role against the one it inherits from</h2>
${steps.length ? steps.join('\n') : '<p>No role in this ladder inherits from another.</p>'}`;
  return sitePage(frame, { path: COMPARE_PAGE, title: 'Compare roles', header, main, scripts: ['assets/compare-data.js', 'assets/compare.js'], css: COMPARE_CSS });
}

/** Roles grouped by track, highest level first within each, as the index chart reads. */
function roleOptions(roles: readonly ResolvedRole[]): string {
  const tracks = [...new Set(roles.map((role) => role.track))];
  return tracks
    .map((track) => {
      const options = roles
        .filter((role) => role.track === track)
        .sort((a, b) => b.level - a.level)
        .map((role) => `<option value="${escapeHtml(role.id)}">${escapeHtml(role.title)}</option>`);
      return `<optgroup label="${escapeHtml(track)}">${options.join('')}</optgroup>`;
    })
    .join('');
}

function stepSection(parent: ResolvedRole, role: ResolvedRole, source: SourceName): string {
  return `<section class="step" id="step-${escapeHtml(role.id)}">
<h3>${escapeHtml(parent.title)} → ${escapeHtml(role.title)}</h3>
${viewHtml(diffView(compareRoles(parent, role), source, 'h4'))}
</section>`;
}

const COMPARE_CSS = `
.compare-choice:not([hidden]) { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .75rem 0; }
.compare-choice select { font: inherit; max-width: 100%; }
ul.diff-list { list-style: none; padding: 0; }
ul.diff-list li { display: flex; gap: .5rem; padding: .25rem 0; }
.diff-mark { flex: none; width: 1rem; font-weight: 700; }
.added .diff-mark, .evolved .diff-mark { color: var(--added); }
.removed .diff-mark { color: var(--removed); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
:root { --added: #1a7f37; --removed: #b42318; }
@media (prefers-color-scheme: dark) { :root { --added: #4ac26b; --removed: #ff8b82; } }
`;
