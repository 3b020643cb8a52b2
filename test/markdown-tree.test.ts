import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { lightMarkdownTree } from '../src/load/markdown-tree.js';
import { parseMarkdown } from '../src/load/parse-role.js';
import { bundledLadder, fixture } from './helpers.js';

/**
 * The light compiler must build exactly remark-parse's tree (same nodes, fields, positions and decoded
 * text), or decline so that remark parses the file: never a third answer.
 */
const remark = unified().use(remarkParse);
const remarkTree = (markdown: string) => remark.parse(markdown) as Root;

function expectSameOrDeclined(markdown: string): void {
  const light = lightMarkdownTree(markdown);
  if (light !== undefined) expect(light).toEqual(remarkTree(markdown));
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(folder, file));
}

/** Role files after front matter is split off and line endings normalised, as the loader hands them over. */
const read = (file: string) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
const fixtureFiles = markdownFiles(fixture());
const ladderFiles = markdownFiles(bundledLadder);

describe('light Markdown tree', () => {
  it('builds remark’s tree for every Markdown file of the fixtures and the bundled ladder', () => {
    expect(fixtureFiles.length).toBeGreaterThan(50);
    for (const file of [...fixtureFiles, ...ladderFiles]) {
      const light = lightMarkdownTree(read(file));
      if (light !== undefined) expect(light, file).toEqual(remarkTree(read(file)));
    }
  });

  it('declines no file of the bundled ladder, and only fixtures with images or link definitions', () => {
    expect(ladderFiles.filter((file) => lightMarkdownTree(read(file)) === undefined)).toEqual([]);
    const declined = fixtureFiles.filter((file) => lightMarkdownTree(read(file)) === undefined);
    expect(declined.filter((file) => !/!\[|\[[^\]]*\]:/.test(read(file)))).toEqual([]);
  });

  const tricky: Record<string, string> = {
    'empty file': '',
    'only front matter, blanked': '\n\n\n\n',
    'setext titles, both levels': 'Engineering Director\n--------\n\nStaff\n=====\n',
    'setext over two lines': 'Principal\nEngineer\n---\n',
    'thematic break, not a heading': 'Text\n\n---\n\n* * *\n___\n',
    'atx headings with closing hashes': '# One ###\n## Two #   \n### Three\\#\n#\n',
    'nested lists': '* a\n  * b\n    1. c\n    2. d\n* e\n',
    'loose list': '- a\n\n- b\n\n  more of b\n- c\n',
    'tight list ending in a blank line': '- a\n- b\n\n\nAfter\n',
    'ordered list starting at 7': '7. seven\n8. eight\n\n3) three\n',
    'lazy continuation': '> quoted\ncontinued lazily\n\n* item\ncontinued lazily\n',
    'list in a blockquote in a list': '* > * deep\n  >   still deep\n* out\n',
    'task-like items stay text': '- [ ] open\n- [x] done\n',
    'entities': 'Tom &amp; Jerry &#35;1 &#x41; &copy; &bogus; &#0;\n',
    'backslash escapes': '\\*not emphasis\\* \\[not a link\\] \\\\ \\` \\#\n',
    'hard breaks': 'one  \ntwo\\\nthree\n',
    'code spans with backticks': 'Use `` a`b `` and ` `` ` and `x\ny`\n',
    'links with titles': '[a](https://x.test "Title") [b](<url with space> \'t\') [c](/p (paren))\n',
    'link over two lines': '[a\nb](/u)\n',
    'autolinks': '<https://example.com/a?b=c> and <someone@example.com>\n',
    'emphasis edge cases': '*a **b** c* **a *b* c** _a_b_ ***both*** *a*b* **\n',
    'tabs': '*\ta\n\n\tcode\n#\tHeading\n- a\n\t- b\n',
    'fenced code': '```js title="x"\nconst a = 1;\n\n```\n~~~\n~~~\n````\nunclosed\n',
    'fenced code info with entity and escape': '``` a&amp;b\\_c\nx\n```\n',
    'indented code': '    one\n\n    two\n\nText\n',
    'html': '<div>\n*not md*\n</div>\n\nText <span id="x">in</span> line <!-- c -->\n\n<a name="delivery"></a>\n',
    'deep nesting': `${'> '.repeat(30)}${'* '.repeat(30)}deep\n`,
    'deep inline nesting': `${'*'.repeat(40)}a${'*'.repeat(40)}\n`,
    'unicode and CRLF already normalised': 'Rôle — “quotes” ✓\n\n* élan\n',
    'only whitespace': '   \n\t\n',
    'paragraph ending without newline': 'last line',
  };

  for (const [name, markdown] of Object.entries(tricky)) {
    it(`builds remark’s tree: ${name}`, () => {
      expect(lightMarkdownTree(markdown), 'should not decline').toBeDefined();
      expectSameOrDeclined(markdown);
    });
  }

  const declinedConstructs: Record<string, string> = {
    'an image': 'See ![diagram](d.png "D")\n',
    'a link definition': '[home]: https://x.test\n',
    'a full reference': '[a][home]\n\n[home]: /h\n',
    'a shortcut reference': '[home]\n\n[home]: /h\n',
  };

  for (const [name, markdown] of Object.entries(declinedConstructs)) {
    it(`declines ${name}, and parseMarkdown gives remark’s tree`, () => {
      expect(lightMarkdownTree(markdown)).toBeUndefined();
      expect(parseMarkdown(markdown)).toEqual(remarkTree(markdown));
    });
  }

  it('a bracket with no definition is text, not a decline', () => {
    expect(lightMarkdownTree('[not a link] and [x][y]\n')).toBeDefined();
    expectSameOrDeclined('[not a link] and [x][y]\n');
  });

  it('the comparison notices a wrong column or a missing field', () => {
    const markdown = 'Title\n-----\n\n* one `two`\n';
    const light = lightMarkdownTree(markdown)!;
    const item = (light.children[1] as { children: { position: { start: { column: number } } }[] }).children[0]!;
    item.position.start.column += 1;
    expect(light).not.toEqual(remarkTree(markdown));
    const other = lightMarkdownTree(markdown)!;
    delete (other.children[1] as { spread?: boolean }).spread;
    expect(other).not.toEqual(remarkTree(markdown));
  });

  const FRAGMENTS = [
    '# ', '## ', '#', 'Title', 'word', ' ', '  ', '\t', '\n', '\n\n', '---', '===', '***', '* ', '- ', '+ ', '1. ', '2) ',
    '> ', '*', '**', '_', '__', '`', '``', '\\', '\\*', '&amp;', '&#35;', '&#x1F600;', '&nope;', '[a](b "t")', '[', ']',
    '(', ')', '<https://x.test>', '<a@b.test>', '<b>', '</b>', '<div>', '<!--', '-->', '```', '~~~', '    ', 'é', '"',
    '![i](j)', '[r]: /u', '[r]', '- [ ] ', '|', 'a  \n', '\\\n',
  ];
  const markdownish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

  it('builds remark’s tree or declines, on random Markdown-ish text', () => {
    fc.assert(
      fc.property(markdownish, (markdown) => {
        expectSameOrDeclined(markdown);
      }),
      { numRuns: 2000 },
    );
  });

  // Lines shaped like a role file's (nested items, quotes, headings, inline marks): these must not decline.
  const LINE_STARTS = ['', '', '* ', '- ', '  * ', '    - ', '1. ', '10) ', '> ', '> * ', '### ', '## ', '   ', '\t', '---', '===', '```', '    '];
  const WORDS = ['word', 'Owns', '*em*', '**strong**', '`code`', '[link](/u)', '&amp;', '\\*', '<b>', 'x  ', 'y\\', '_u_', '(a)', '#'];
  const roleLine = fc.tuple(fc.constantFrom(...LINE_STARTS), fc.array(fc.constantFrom(...WORDS), { maxLength: 5 })).map(([start, words]) => start + words.join(' '));
  const roleLike = fc.array(fc.oneof(roleLine, fc.constant('')), { maxLength: 14 }).map((lines) => `${lines.join('\n')}\n`);

  it('builds remark’s tree, without declining, on random role-like text', () => {
    fc.assert(
      fc.property(roleLike, (markdown) => {
        expect(lightMarkdownTree(markdown)).toEqual(remarkTree(markdown));
      }),
      { numRuns: 1000 },
    );
  });
});
