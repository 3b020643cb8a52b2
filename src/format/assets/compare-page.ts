/// <reference lib="dom" />
// The compare page's script (bundled by scripts/build.js into the site's assets/compare.js): the two
// chosen roles' diff, computed here by the same compareRoles as `ladder diff`.
import { compareRoles } from '../../diff/compare-roles.js';
import { comparedRoles, type CompareData } from './compare-data.js';
import { diffView, sourceName } from './diff-view.js';
import { viewDom } from './view-dom.js';

declare global {
  interface Window {
    /** Set by assets/compare-data.js. */
    ladderCompare?: CompareData;
  }
}

const data = window.ladderCompare;
const form = document.querySelector<HTMLFormElement>('form.compare-choice');
if (data && form) start(data, form);

function start(data: CompareData, form: HTMLFormElement): void {
  const roles = new Map(comparedRoles(data).map((role) => [role.id, role]));
  const source = sourceName(data.titles, new Set(roles.keys()));
  const from = form.elements.namedItem('from') as HTMLSelectElement;
  const to = form.elements.namedItem('to') as HTMLSelectElement;
  const chosen = document.getElementById('chosen')!;
  const heading = document.getElementById('chosen-title')!;
  const result = document.getElementById('chosen-diff')!;

  const show = () => {
    const older = roles.get(from.value);
    const newer = roles.get(to.value);
    if (!older || !newer) return;
    heading.textContent = `${older.title} → ${newer.title}`;
    result.replaceChildren(viewDom(diffView(compareRoles(older, newer), source, 'h3'), document));
    chosen.hidden = false;
    // The choice goes in the address, so a comparison can be bookmarked or sent (works from file:// too).
    history.replaceState(null, '', `?${new URLSearchParams({ from: from.value, to: to.value })}`);
  };

  const asked = new URLSearchParams(location.search);
  const first = data.roles.find((role) => role.inherits && roles.has(role.inherits)) ?? data.roles[0];
  choose(to, asked.get('to') ?? first?.id);
  choose(from, asked.get('from') ?? first?.inherits ?? first?.id);
  form.addEventListener('change', show);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  form.hidden = false;
  show();
}

/** Selects a role only when the list offers it, so a stale address falls back to the first choice. */
function choose(select: HTMLSelectElement, id: string | null | undefined): void {
  if (id && [...select.options].some((option) => option.value === id)) select.value = id;
}
