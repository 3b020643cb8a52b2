import { z } from 'zod';
import { defineRule, type Report } from '../rule.js';
import { expectationLines, matchesOn, phrasePattern } from './expectation-words.js';

const AvoidOptionsSchema = z
  .object({
    words: z
      .union([z.record(z.string().min(1), z.string().min(1).nullable()), z.array(z.string().min(1))])
      .default({})
      .describe('Words or phrases to avoid, each with its replacement (or null: flag it, suggest nothing); a list flags without replacements'),
  })
  .strict();

/** A team's own vocabulary: words or phrases its expectations should not use, and what to write instead. */
export const avoid = defineRule({
  meta: {
    id: 'avoid',
    description: 'An expectation uses a word or phrase that ladder.yaml lists under "avoid" (whole words, any case); fixable when a replacement is given.',
    severity: 'off',
    fixable: true,
    flags: 'With { words: { rockstar: strong engineer } }: "Is the team\'s rockstar." (fixed to "Is the team\'s strong engineer.")',
    passes: 'With { words: { ninja: expert } }: "Speeds up the `ninja` build." (inline code is not wording)',
  },
  options: AvoidOptionsSchema,
  check: (ctx, { words }) => {
    const avoided = Array.isArray(words) ? words.map((word) => [word, null] as const) : Object.entries(words);
    if (avoided.length === 0) return [];
    const patterns = avoided.map(([word, replacement]) => ({ word, replacement, pattern: phrasePattern(word) }));
    return expectationLines(ctx).flatMap(({ role, lines }) =>
      patterns.flatMap(({ word, replacement, pattern }) =>
        matchesOn(lines, pattern).map((match): Report => {
          const found = match.text.replace(/\s+/g, ' ');
          const report = { file: role.file, line: match.line, column: match.column };
          if (replacement === null) return { ...report, message: `Avoid "${found}" (listed under "avoid" in ladder.yaml).` };
          const insertText = withFirstLetterCase(replacement, match.text);
          const message = `Expected "${insertText}" instead of "${found}" (listed under "avoid" in ladder.yaml as "${word}").`;
          // A fix edits one line: a phrase broken across lines is reported for a person to rejoin.
          if (match.text.includes('\n')) return { ...report, message };
          return { ...report, message, fix: { line: match.line, column: match.column, deleteCount: match.text.length, insertText } };
        }),
      ),
    );
  },
});

/** "Rockstar" → "Strong engineer": a replacement at the start of a sentence keeps the capital. */
function withFirstLetterCase(replacement: string, found: string): string {
  const upper = found[0] !== found[0]!.toLowerCase();
  return upper ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}
