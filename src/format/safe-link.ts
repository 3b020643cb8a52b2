/**
 * Whether a link from a ladder or an evidence file may be made a link in a page: http(s) with a host, or a
 * relative target (a page, `#anchor`, `../guide.html`). No other scheme (`javascript:`, `data:`, `file:`),
 * no absolute or protocol-relative path, which would leave the site or the folder, and no white space,
 * control character or backslash anywhere: browsers drop tabs and newlines inside a URL, so "java\tscript:"
 * would run, and they read a backslash as a slash.
 */
export function safeLink(url: string): boolean {
  if (/[\u0000-\u0020\u007f\\]/.test(url)) return false;
  if (/^https?:/i.test(url)) return /^https?:\/\/[^/]/i.test(url);
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/');
}
