/// <reference lib="dom" />
// The search box's script (bundled by scripts/build.js into the site's assets/search.js): matches the
// typed words, folded as src/text/fold.ts folds them, against the index assets/search-index.js sets.
import { matches, type SearchEntry } from './search-entry.js';
import { el, type ViewNode } from './view-node.js';
import { viewDom } from './view-dom.js';

declare global {
  interface Window {
    /** Set by assets/search-index.js. */
    ladderSearch?: SearchEntry[];
  }
}

/** Enough to scan by eye; a longer list asks for another word instead. */
const SHOWN = 20;

const entries = window.ladderSearch;
if (entries) for (const form of document.querySelectorAll<HTMLFormElement>('form.site-search')) start(entries, form);

function start(entries: SearchEntry[], form: HTMLFormElement): void {
  const input = form.querySelector('input')!;
  const status = form.querySelector('.search-status')!;
  const results = form.querySelector('.search-results')!;
  const show = () => {
    const found = matches(entries, input.value);
    results.replaceChildren(...found.slice(0, SHOWN).map((entry) => viewDom(resultView(entry), document)));
    status.textContent = input.value.trim() === '' ? '' : found.length > SHOWN ? `${found.length} matches, the first ${SHOWN} shown.` : `${found.length} ${found.length === 1 ? 'match' : 'matches'}.`;
  };
  input.addEventListener('input', show);
  // Enter goes to the first match.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const first = results.querySelector('a');
    if (first) first.click();
  });
  form.hidden = false;
}

function resultView(entry: SearchEntry): ViewNode {
  const where = entry.section ? `${entry.role} · ${entry.section}` : 'Role';
  return el('li', {}, el('a', { href: entry.href }, entry.text), ' ', el('span', { class: 'search-where' }, where));
}
