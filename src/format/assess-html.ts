import type { AssessReport, EvidenceItem } from '../schema/evidence.js';
import { itemDetails, safeHref } from './assess-link.js';
import { escapeHtml, htmlPage } from './html.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';

/**
 * The promotion packet as one printable page, in the site's page layout: every piece of text escaped,
 * links only http(s) or relative. On paper each expectation keeps its evidence on its page and links
 * print their address.
 */
export function formatAssessHtml(report: AssessReport): string {
  // A control character has no business on a printed page: shown written out, as in the terminal.
  report = showControlsIn(report);
  const { summary } = report;
  const title = report.role ? `${report.role.title} → ${report.target.title}` : report.target.title;
  const sections = report.sections.map((section) => {
    const done = section.expectations.filter((e) => e.evidence.length > 0).length;
    const items = section.expectations.map(
      (e) => `<li class="${e.evidence.length ? 'evidenced' : 'gap'}"><p class="text">${escapeHtml(e.text)}</p>${e.evidence.length ? `<ul>${e.evidence.map(itemHtml).join('')}</ul>` : '<p class="none">No evidence yet.</p>'}</li>`,
    );
    return `<section>\n<h2>${escapeHtml(section.title)} <span class="summary">${done} of ${section.expectations.length} with evidence</span></h2>\n<ul class="assessed">\n${items.join('\n')}\n</ul>\n</section>`;
  });
  const body = `<style>${CSS}</style>
<header>
<h1>Promotion packet: ${escapeHtml(title)}</h1>
<p class="meta">${plural(summary.expectations, 'expectation')} of ${escapeHtml(report.target.title)} (${escapeHtml(report.target.id)}): ${summary.withEvidence} with evidence, ${summary.gap} without.</p>
</header>
<main>
${sections.join('\n')}
</main>`;
  return htmlPage({ title: `Promotion packet: ${title}`, body });
}

function itemHtml(item: EvidenceItem): string {
  const href = item.link === undefined ? undefined : safeHref(item.link);
  const link = item.link === undefined ? '' : href ? `<a href="${escapeHtml(href)}">${escapeHtml(item.link)}</a>` : `<code>${escapeHtml(item.link)}</code>`;
  const details = itemDetails(item);
  const parts = [link, item.note && `<span class="text">${escapeHtml(item.note)}</span>`, details && `<span class="source">(${escapeHtml(details)})</span>`];
  return `<li>${parts.filter(Boolean).join(' — ')}</li>`;
}

/** Only what this page adds to the site's stylesheet: the gap marked, and a clean printout. */
const CSS = `
ul.assessed { list-style: none; padding: 0; }
ul.assessed > li { border-left: 3px solid var(--own); padding: .2rem .75rem; margin: .6rem 0; }
ul.assessed > li.gap { border-left-color: var(--line); }
ul.assessed > li > p { margin: .2rem 0; }
.none { color: var(--muted); font-style: italic; }
@media print {
  :root { color-scheme: light; }
  body { max-width: none; font-size: 11pt; }
  ul.assessed > li { break-inside: avoid; }
  h2 { break-after: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); }
}
`.trim();
