import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { fold } from '../text/fold.js';
import { roleFileName } from '../text/role-id.js';
import type { SearchEntry } from './assets/search-entry.js';
import type { ExportFile } from './exporters.js';
import { siteScript } from './site-script.js';

/** The scripts a page with the search box loads, index first (deferred scripts run in order). */
export const SEARCH_SCRIPTS = ['assets/search-index.js', 'assets/search.js'];

/**
 * The search box of the index and every role page. Hidden until its script runs, as it does nothing
 * without one; results are links, listed by the script as text.
 */
export const SEARCH_BOX = `<form class="site-search" role="search" hidden>
<label for="site-search-words">Search roles and expectations</label>
<input id="site-search-words" type="search" autocomplete="off">
<p class="search-status" role="status"></p>
<ul class="search-results"></ul>
</form>`;

export const SEARCH_CSS = `
.site-search { margin: .75rem 0; }
.site-search label { display: block; font-size: .9rem; }
.site-search input { font: inherit; width: 100%; max-width: 24rem; padding: .25rem .4rem; }
.search-status:empty { display: none; }
.search-results { padding-left: 1.2rem; }
.search-results:empty { display: none; }
.search-results li { margin: .2rem 0; }
.search-where { font-size: .9rem; }
`;

/**
 * The files the search box needs: its script, and the index it searches as a script setting a global
 * (`fetch` of a JSON file is refused from file://, a script file is not). Every role is an entry, and each
 * expectation once, on the page of the role that writes it.
 */
export function searchFiles(data: LadderExport): ExportFile[] {
  return [
    { path: 'assets/search-index.js', content: `window.ladderSearch = ${JSON.stringify(searchEntries(data))};\n` },
    { path: 'assets/search.js', content: siteScript('search') },
  ];
}

export function searchEntries(data: LadderExport): SearchEntry[] {
  const roles = data.roles.map((role): SearchEntry => ({
    href: `${roleFileName(role.id)}.html`,
    text: role.title,
    role: role.title,
    folded: fold([role.title, role.id, ...role.aliases].join(' ')),
  }));
  return [...roles, ...expectationEntries(data.roles)];
}

/**
 * Each expectation once: on the page of the role that writes it, or, when that role is left out of the
 * export, on the first exported page that holds it.
 */
function expectationEntries(roles: readonly ResolvedRole[]): SearchEntry[] {
  const exported = new Set(roles.map((role) => role.id));
  const indexed = new Set<string>();
  return roles.flatMap((role) =>
    role.sections.flatMap((section) =>
      section.expectations
        .filter((expectation) => (exported.has(expectation.source) ? expectation.source === role.id : !indexed.has(expectation.id)))
        .map((expectation): SearchEntry => {
          indexed.add(expectation.id);
          return {
            href: `${roleFileName(role.id)}.html#${expectation.id}`,
            text: expectation.text,
            role: role.title,
            section: section.title,
            folded: fold(expectation.text),
          };
        }),
    ),
  );
}
