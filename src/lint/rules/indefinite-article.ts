import { defineRule, type Report } from '../rule.js';

export const indefiniteArticle = defineRule({
  meta: {
    id: 'indefinite-article',
    description: 'The wrong indefinite article before a role title, such as "a Engineering Manager".',
    severity: 'warning',
    fixable: true,
    flags: '"Inherits the role expectations of a Engineering Manager"',
    passes: '"a Unit Lead", "an Engineering Manager"',
  },
  check: (ctx) => {
    const titles = titleIndex(ctx.roles.map((role) => role.title));
    return ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      ctx.lines(source).forEach((text, index) => {
        for (const match of text.matchAll(/\b(an?)\s+(?=\p{L})/giu)) {
          const found = match[1]!;
          const title = titles.longestAt(text.slice(match.index + match[0].length));
          if (!title) continue;
          const expected = withCase(articleFor(title), found);
          if (expected === found) continue;
          reports.push({
            file: source.file,
            line: index + 1,
            column: match.index + 1,
            message: `Expected "${expected}" before "${title}", found "${found}".`,
            fix: { line: index + 1, column: match.index + 1, deleteCount: found.length, insertText: expected },
          });
        }
      });
      return reports;
    });
  },
});

/**
 * Titles by their lower-case text. A lookup tries each word end of the text after an article, up to the
 * longest title, so the cost per article does not grow with the number of roles.
 */
function titleIndex(titles: string[]) {
  const byText = new Map(titles.map((title) => [title.toLowerCase(), title]));
  const longest = Math.max(0, ...titles.map((title) => title.length));
  return {
    longestAt(text: string): string | undefined {
      let found: string | undefined;
      // Only where a word ends: "a Engineers" is not about "Engineer".
      for (const end of text.slice(0, longest + 1).matchAll(/[\p{L}\p{N}](?![\p{L}\p{N}])/gu)) {
        found = byText.get(text.slice(0, end.index + 1).toLowerCase()) ?? found;
      }
      return found;
    },
  };
}

/**
 * "an" before a vowel sound. Spelling approximates sound: all-capital abbreviations go by the name of
 * their first letter ("an SRE", "a VP"), and the usual exceptions ("a Unit", "an Hour", "a One") are known.
 */
export function articleFor(title: string): 'a' | 'an' {
  const word = /^[\p{L}\p{N}]+/u.exec(title)?.[0] ?? title;
  if (word.length > 1 && word.length <= 4 && word === word.toUpperCase()) return 'aefhilmnorsx'.includes(word[0]!.toLowerCase()) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return 'an';
  if (/^(one|once|eu|uni|use|usu|uti|ura|ure|uro|uku)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

export function withCase(article: string, like: string): string {
  return like[0] === like[0]!.toUpperCase() ? article[0]!.toUpperCase() + article.slice(1) : article;
}
