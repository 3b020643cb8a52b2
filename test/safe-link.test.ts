import { describe, expect, it } from 'vitest';
import { safeHref } from '../src/format/assess-link.js';
import { safeLink } from '../src/format/safe-link.js';

describe('one judgement of which links a page may make', () => {
  it('makes http(s) and relative targets links', () => {
    for (const url of ['https://example.org/guide', 'HTTP://example.org', 'guide.html', '#craft', '../senior.html#craft', '']) expect(safeLink(url), url).toBe(true);
  });

  it('refuses other schemes, paths that leave the site, hidden characters and backslashes', () => {
    for (const url of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//evil.example', '/etc/passwd', '\\\\host\\share', 'https://', 'https:///x', 'a b.html', 'mailto:x@y']) {
      expect(safeLink(url), url).toBe(false);
    }
  });

  it('is what evidence links go through too, trimmed, an empty one never a link', () => {
    expect(safeHref('  https://example.org/pr/12 ')).toBe('https://example.org/pr/12');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('   ')).toBeUndefined();
  });
});
