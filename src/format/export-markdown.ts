import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { roleFileName } from '../text/role-id.js';
import type { ExportFile } from './exporters.js';
import { ladderGrid } from './ladder-grid.js';
import { plural } from './plural.js';
import { placeExpectations } from './section-outline.js';
import { escapeMarkdown } from './markdown-escape.js';

/**
 * A flattened page per role (`<id>.md`; see `roleFileName`) and an index with the chart (`index.md`).
 * Expectations and descriptions are Markdown already and are kept as written, except raw HTML (see
 * `showHtmlAsText`); names the tool puts into links, headings and table cells are escaped so a `|` or `[`
 * in a title cannot break the page.
 */
export function exportMarkdown(data: LadderExport, titles: Map<string, string>): ExportFile[] {
  const exported = new Set(data.roles.map((r) => r.id));
  const name = (id: string) => titles.get(id) ?? id;
  const link = (id: string) => (exported.has(id) ? `[${escapeMarkdown(name(id))}](${roleFileName(id)}.md)` : escapeMarkdown(name(id)));
  return [
    { path: 'index.md', content: indexPage(data, link) },
    ...data.roles.map((role) => ({ path: `${roleFileName(role.id)}.md`, content: rolePage(role, link) })),
  ];
}

function indexPage(data: LadderExport, link: (id: string) => string): string {
  const grid = ladderGrid(data.roles);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    '# Career ladder',
    '',
    `${plural(data.roles.length, 'role')} in ${plural(grid.tracks.length, 'track')}, read from ${escapeMarkdown(data.generatedFrom)} by ladder ${escapeMarkdown(data.version)}.`,
    '',
    row(['Level', ...grid.tracks.map(escapeMarkdown)]),
    row(['---:', ...grid.tracks.map(() => '---')]),
    ...grid.levels.map((level) => row([String(level), ...grid.tracks.map((track) => grid.at(level, track).map((r) => link(r.id)).join('<br>'))])),
  ];
  return lines.join('\n') + '\n';
}

function rolePage(role: ResolvedRole, link: (id: string) => string): string {
  const lines = [
    `# ${escapeMarkdown(role.title)}`,
    '',
    `${role.id} · track ${escapeMarkdown(role.track)} · level ${role.level} · ${escapeMarkdown(role.file)}`,
    '',
    `Inherits: ${role.chain.length > 1 ? role.chain.slice(1).map(link).join(' → ') : 'nothing (top of its chain)'}`,
    '',
    '[All roles](index.md)',
  ];
  if (role.description) lines.push('', showHtmlAsText(role.description));
  let own = 0;
  for (const section of role.sections) {
    lines.push('', `## ${escapeMarkdown(section.title)}`, '');
    for (const { expectation, depth, opens } of placeExpectations(section)) {
      if (opens !== undefined) lines.push(...(lines.at(-1) === '' ? [] : ['']), `### ${escapeMarkdown(opens)}`, '');
      // Continuation lines are indented under the marker so a multi-line item stays one list item.
      const indent = '  '.repeat(depth);
      const text = showHtmlAsText(expectation.text).replace(/\n\s*/g, `\n${indent}  `);
      // The stable id as an anchor, as on the html site: a link to one expectation survives reordering.
      const anchor = `<a id="${expectation.id}"></a>`;
      if (expectation.source === role.id) {
        own++;
        lines.push(`${indent}- ● ${anchor}${text}`);
      } else {
        lines.push(`${indent}- ○ ${anchor}${text} (from ${link(expectation.source)})`);
      }
      for (const example of expectation.examples ?? []) lines.push(`${indent}  - e.g. ${showHtmlAsText(example)}`);
    }
    if (section.examples?.length) {
      lines.push('', '### Examples', '', ...section.examples.map((example) => `- e.g. ${showHtmlAsText(example.text)} (from ${link(example.source)})`));
    }
  }
  const total = role.sections.reduce((n, s) => n + s.expectations.length, 0);
  lines.push('', `${plural(total, 'expectation')}: ${own} own (●), ${total - own} inherited (○).`);
  return lines.join('\n') + '\n';
}

/**
 * Escapes the `<` of raw HTML tags so they show as text, as on the html site: exported pages are often
 * published by site generators that would render a `<script>` from a bullet. Code spans and autolinks
 * (`<https://…>`) are left alone.
 */
function showHtmlAsText(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?\1|<(?=[A-Za-z/!?])(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)/g, (match) => (match === '<' ? '\\<' : match));
}
