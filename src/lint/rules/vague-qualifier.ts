import { z } from 'zod';
import { defineRule } from '../rule.js';
import { expectationLines, matchesOn, phrasePattern } from './expectation-words.js';

const AMOUNT = 'says how much without a measure a reviewer can check';
const HEDGE = 'lets the expectation be met by not doing it';

/**
 * Qualifiers and hedges, each with why it weakens an expectation; `unless` (the text before and after the
 * match on its line) leaves alone the senses that are not a qualifier: "treats people fairly", "not just style".
 */
interface Qualifier {
  phrase: string;
  reason: string;
  unless?: (before: string, after: string) => boolean;
}

const BUILT_IN: Qualifier[] = [
  { phrase: 'very', reason: AMOUNT },
  { phrase: 'really', reason: AMOUNT },
  { phrase: 'quite', reason: AMOUNT },
  { phrase: 'somewhat', reason: AMOUNT },
  // "fairly" qualifies only a word after it ("fairly complex"); at the end of a clause it means justly.
  { phrase: 'fairly', reason: AMOUNT, unless: (_, after) => !/^\s+(?!and\b|or\b|but\b|to\b|with\b|across\b)\p{L}/iu.test(after) },
  { phrase: 'just', reason: 'adds nothing the sentence needs, or plays the task down', unless: (before) => /\bnot\s+$/i.test(before) },
  { phrase: 'basically', reason: 'adds nothing the sentence needs' },
  { phrase: 'good', reason: 'names no standard: say what good looks like', unless: (before, after) => /\bthe\s+$/i.test(before) && /^\s+of\b/i.test(after) },
  { phrase: 'various', reason: 'leaves out which ones' },
  { phrase: 'etc.', reason: 'leaves the rest of the list to the reader' },
  { phrase: 'and so on', reason: 'leaves the rest of the list to the reader' },
  { phrase: 'appropriate', reason: 'leaves the judgement of what fits unsaid' },
  { phrase: 'appropriately', reason: 'leaves the judgement of what fits unsaid' },
  { phrase: 'as appropriate', reason: HEDGE },
  { phrase: 'try to', reason: HEDGE },
  { phrase: 'tries to', reason: HEDGE },
  { phrase: 'might', reason: HEDGE },
  { phrase: 'may want to', reason: HEDGE },
  { phrase: 'where possible', reason: HEDGE },
  { phrase: 'if possible', reason: HEDGE },
  { phrase: 'when possible', reason: HEDGE },
  { phrase: 'as needed', reason: HEDGE },
];

const VagueOptionsSchema = z
  .object({
    add: z.record(z.string().min(1), z.string().min(1)).default({}).describe('More qualifiers or hedges, each with the reason it weakens an expectation'),
    remove: z.array(z.string().min(1)).default([]).describe('Built-in qualifiers to leave alone'),
  })
  .strict();

export const vagueQualifier = defineRule({
  meta: {
    id: 'vague-qualifier',
    description: 'An expectation uses a vague qualifier ("very", "good", "various") or a hedge ("try to", "where possible"), with the reason each weakens it.',
    severity: 'off',
    fixable: false,
    flags: '"Writes very good tests where possible."',
    passes: '"Addresses underperformance early and fairly." ("fairly" means justly here)',
  },
  options: VagueOptionsSchema,
  check: (ctx, { add, remove }) => {
    const removed = new Set(remove.map((phrase) => phrase.toLowerCase()));
    const qualifiers = [...BUILT_IN.filter(({ phrase }) => !removed.has(phrase)), ...Object.entries(add).map(([phrase, reason]): Qualifier => ({ phrase, reason }))].map((q) => ({
      ...q,
      pattern: phrasePattern(q.phrase),
    }));
    return expectationLines(ctx).flatMap(({ role, lines }) => {
      const found = qualifiers.flatMap(({ reason, unless, pattern }) =>
        matchesOn(lines, pattern)
          .filter((match) => !unless?.(match.before, match.after))
          .map((match) => ({ ...match, reason })),
      );
      // "as appropriate" is one hedge, not also the qualifier "appropriate" inside it.
      const inside = (a: (typeof found)[number], b: (typeof found)[number]) =>
        a.text.length < b.text.length && b.before.length <= a.before.length && a.before.length + a.text.length <= b.before.length + b.text.length;
      return found
        .filter((match) => !found.some((other) => inside(match, other)))
        .map((match) => ({ file: role.file, line: match.line, column: match.column, message: `"${match.text.replace(/\s+/g, ' ')}" ${match.reason}; state what is expected plainly.` }));
    });
  },
});
