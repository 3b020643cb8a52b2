/** Escapes text for HTML element content and quoted attribute values alike. Ladder text is user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/**
 * One complete, self-contained HTML5 page: inline CSS only, no external asset (the empty icon stops
 * browsers asking the server for /favicon.ico), and a policy that would block scripts even if some text
 * ever went out unescaped. Scripts only from the site's own files, and only on pages that name them.
 */
export function htmlPage({ title, body, scripts = [], css = '' }: { title: string; body: string; scripts?: string[]; css?: string }): string {
  const scriptSrc = scripts.length ? "; script-src 'self'" : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSrc}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}${css}</style>
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>\n`).join('')}</head>
<body>
${body}
</body>
</html>
`;
}

const CSS = `
:root { color-scheme: light dark; --muted: #667; --own: #1a7f37; --line: #8884; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
a { color: inherit; text-underline-offset: 2px; }
nav { font-size: .9rem; }
h1 { margin: .5rem 0 .25rem; line-height: 1.2; }
h2 { margin-top: 1.75rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.meta, .source, .summary, .role-id { color: var(--muted); font-size: .9rem; }
.chart { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
/* break-word, unlike anywhere, keeps whole words when a narrow screen squeezes the columns ("Level", not "Lev el") */
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td a { display: block; font-weight: 600; }
.role-id { display: block; margin-bottom: .3rem; }
ul.expectations { list-style: none; padding: 0; }
ul.expectations li { display: flex; gap: .5rem; padding: .3rem 0; }
ul.expectations li.subsection { display: block; padding: 0; }
h3 { margin: 1rem 0 .2rem; font-size: 1rem; }
.depth-1 { margin-left: 1.5rem; }
.depth-2 { margin-left: 3rem; }
.depth-3 { margin-left: 4.5rem; }
.marker { flex: none; width: 1rem; }
.own .marker { color: var(--own); }
.inherited { color: var(--muted); }
.inherited .text { color: CanvasText; }
.text { white-space: pre-line; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 15px; } th, td { padding: .3rem; } }
`.trim();
