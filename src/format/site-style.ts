/**
 * The site's one stylesheet, inlined in every page (the content security policy allows inline styles and no
 * other asset). Every text colour is chosen for at least 4.5:1 against the page in light and in dark mode;
 * the browser tests check it with axe-core in both.
 */
export const SITE_CSS = `
:root { color-scheme: light dark; --muted: #575766; --own: #1a7f37; --evolved: #7339c7; --line: #8884; --mark: #fff1a8; --ins: #d3f5dc; --del: #ffe0dd; }
@media (prefers-color-scheme: dark) {
  :root { --muted: #b0b0c0; --own: #5bd67b; --evolved: #c6a6ff; --mark: #4d4100; --ins: #17432a; --del: #5c1f1f; }
}
* { box-sizing: border-box; }
/* The page's colours stated, not left to the browser, so every check of contrast sees what a reader sees. */
html { background: Canvas; color: CanvasText; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
a { color: inherit; text-underline-offset: 2px; }
nav { font-size: .9rem; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 1rem; top: .5rem; padding: .3rem .6rem; background: Canvas; outline: 2px solid; z-index: 2; }
h1 { margin: .5rem 0 .25rem; line-height: 1.2; }
h2 { margin-top: 1.75rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
/* The section heading stays in view while its list scrolls under it, so a linked expectation lands below it. */
section > h2 { position: sticky; top: 0; background: Canvas; z-index: 1; padding-top: .3rem; }
.meta, .source, .summary, .role-id, .legend, footer, .evolves { color: var(--muted); font-size: .9rem; }
.levels { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; margin: .5rem 0; }
.legend { margin: .5rem 0; }
.contents ol { columns: 2 14rem; padding-left: 1.2rem; margin: .3rem 0; }
.contents h2 { font-size: 1rem; border: 0; margin: 1rem 0 0; }
.view-switch { border: 1px solid var(--line); border-radius: .4rem; padding: .3rem .6rem; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.view-switch legend { padding: 0 .25rem; font-size: .9rem; }
/* "What is new at this level" without script: the inherited lines step aside, unless one is the link's target. */
body:has(#ladder-view-new:checked) :is(li.inherited:not(:target), li.inherited-only) { display: none; }
body:has(#ladder-view-new:checked) section:not(:has(li.own, li:target)) { display: none; }
.chart { overflow-x: auto; margin: .5rem 0;
  /* Scroll cue: a shade at an edge while more of the chart lies beyond it; the covers scroll with the content. */
  background: linear-gradient(to right, Canvas 40%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, Canvas 40%, transparent) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, #0006, transparent) left / .8rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, #0006, transparent) right / .8rem 100% no-repeat scroll; }
.chart:focus-visible { outline: 2px solid; }
table { border-collapse: collapse; width: 100%; }
/* break-word, unlike anywhere, keeps whole words when a narrow screen squeezes the columns ("Level", not "Lev el") */
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td a { display: block; font-weight: 600; }
.role-id { display: block; margin-bottom: .3rem; }
ul.expectations { list-style: none; padding: 0; }
ul.expectations li { display: flex; gap: .5rem; padding: .3rem .3rem; scroll-margin-top: 4rem; border-radius: .3rem; }
ul.expectations li.subsection { display: block; padding: 0; }
li:target { background: var(--mark); outline: 2px solid var(--line); }
h3 { margin: 1rem 0 .2rem; font-size: 1rem; }
.depth-1 { margin-left: 1.5rem; }
.depth-2 { margin-left: 3rem; }
.depth-3 { margin-left: 4.5rem; }
.marker { flex: none; width: 1rem; }
.body { flex: 1; }
.own .marker { color: var(--own); }
.evolved .marker { color: var(--evolved); }
.inherited { color: var(--muted); }
.inherited .text { color: CanvasText; }
.text p { margin: 0 0 .4rem; }
.permalink { flex: none; color: var(--muted); text-decoration: none; padding: 0 .2rem; }
.permalink:hover, .permalink:focus { text-decoration: underline; }
.evolves { display: block; }
ins { background: var(--ins); text-decoration: underline; color: CanvasText; }
del { background: var(--del); color: CanvasText; }
code { font-size: .9em; background: var(--line); padding: 0 .2em; border-radius: .2em; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 15px; } th, td { padding: .3rem; } .depth-2, .depth-3 { margin-left: 2rem; } }
@page { margin: 16mm 14mm; }
@media print {
  :root { color-scheme: light; --muted: #444; --mark: transparent; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .skip, nav, .view-switch, .permalink { display: none !important; }
  section > h2 { position: static; }
  h2, h3 { break-after: avoid; }
  li, tr { break-inside: avoid; }
  .chart { overflow: visible; background: none; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
`.trim();
