import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Markdown with GFM pipe tables, for the readers and pages that show tables (competency matrices, a
 * README on the site). What remark-gfm does, for tables only: its autolinks and footnotes would read other
 * text differently from the role reader. Imported only where tables are read, so other commands never load it.
 */
const parser = unified()
  .use(remarkParse)
  .use(function tables() {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });

export function parseMarkdownWithTables(markdown: string): Root {
  return parser.parse(markdown) as Root;
}
