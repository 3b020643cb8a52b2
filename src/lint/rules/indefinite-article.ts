import type { LintRule, Report } from '../rule.js';

export const indefiniteArticle: LintRule = {
  meta: {
    id: 'indefinite-article',
    description: 'The wrong indefinite article before a role title, such as "a Engineering Manager".',
    severity: 'warning',
    fixable: true,
  },
  check: (ctx) => {
    const titles = titlesByFirstWord(ctx.roles.map((role) => role.title));
    return ctx.loaded.sources.flatMap((source) => {
      const reports: Report[] = [];
      ctx.lines(source).forEach((text, index) => {
        for (const match of text.matchAll(/\b(an?)\s+(?=(\p{L}+))/giu)) {
          const found = match[1]!;
          const after = text.slice(match.index + match[0].length);
          const title = titles.get(match[2]!.toLowerCase())?.find((t) => startsWithWord(after, t));
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
};

/** Titles indexed by their first word, longest first, so each "a|an" costs one lookup, not one per role. */
function titlesByFirstWord(titles: string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const title of new Set(titles)) {
    const first = /^\p{L}+/u.exec(title)?.[0].toLowerCase();
    if (!first) continue;
    index.set(first, [...(index.get(first) ?? []), title].sort((a, b) => b.length - a.length));
  }
  return index;
}

function startsWithWord(text: string, title: string): boolean {
  return text.slice(0, title.length).toLowerCase() === title.toLowerCase() && !/^[\p{L}\p{N}]/u.test(text.slice(title.length));
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

function withCase(article: string, like: string): string {
  return like[0] === like[0]!.toUpperCase() ? article[0]!.toUpperCase() + article.slice(1) : article;
}
