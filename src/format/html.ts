import { SITE_CSS } from './site-style.js';

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
<style>${SITE_CSS}${css}</style>
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>\n`).join('')}</head>
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
export function sitePage(
  frame: SiteFrame,
  page: { path: string; title: string; header: string; main: string; index?: boolean; scripts?: string[]; css?: string },
): string {
  const home = page.index ? '' : `<nav aria-label="Site"><a href="index.html">All roles</a> · ${escapeHtml(frame.title)}</nav>\n`;
  const body = `<a class="skip" href="#ladder-main">Skip to content</a>
<header>
${home}${page.header}
</header>
<main id="ladder-main">
${page.main}
</main>
<footer><p>${escapeHtml(frame.title)} · from ${escapeHtml(frame.folder)} by ladder ${escapeHtml(frame.version)} · <span class="address">${escapeHtml(page.path)}</span></p></footer>`;
  return htmlPage({ title: page.index ? frame.title : `${page.title} · ${frame.title}`, body, ...(page.scripts ? { scripts: page.scripts } : {}), ...(page.css ? { css: page.css } : {}) });
}
