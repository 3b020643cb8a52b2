import { SITE_CSS } from './site-style.js';

/** Escapes text for HTML element content and quoted attribute values alike. Ladder text is user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/**
 * One complete, self-contained HTML5 page: inline CSS only, no script, no external asset (the empty icon
 * stops browsers asking the server for /favicon.ico), and a policy that would block scripts even if some
 * text ever went out unescaped.
 */
export function htmlPage({ title, body }: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${SITE_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** What every page of a site shares: its title, and where and by what it was exported. */
export interface SiteFrame {
  title: string;
  /** The ladder folder's name, never a path on the exporting machine. */
  folder: string;
  version: string;
}

/**
 * A page of the exported site: skip link, a header with the way back to the index, `main` (the skip link's
 * target), and a footer naming the ladder, its version and the page, which print keeps. Pages added to the
 * site (steps, compare, search) use it too, so every page reads and prints alike.
 */
export function sitePage(frame: SiteFrame, page: { path: string; title: string; header: string; main: string; index?: boolean }): string {
  const home = page.index ? '' : `<nav aria-label="Site"><a href="index.html">All roles</a> · ${escapeHtml(frame.title)}</nav>\n`;
  const body = `<a class="skip" href="#ladder-main">Skip to content</a>
<header>
${home}${page.header}
</header>
<main id="ladder-main">
${page.main}
</main>
<footer><p>${escapeHtml(frame.title)} · from ${escapeHtml(frame.folder)} by ladder ${escapeHtml(frame.version)} · <span class="address">${escapeHtml(page.path)}</span></p></footer>`;
  return htmlPage({ title: page.index ? frame.title : `${page.title} · ${frame.title}`, body });
}
