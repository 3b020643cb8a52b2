import { z } from 'zod';
import type { RoleNode } from '../../graph/build-graph.js';
import { defineRule } from '../rule.js';
import { expectationsOf } from './each-expectation.js';
import { phrasePattern } from './expectation-words.js';

/**
 * The masculine- and feminine-coded word stems of Gaucher, Friesen and Kay (2011), "Evidence That Gendered
 * Wording in Job Advertisements Exists and Sustains Gender Inequality", Journal of Personality and Social
 * Psychology 101(1), 109-128, Appendix A; a trailing `*` is a stem (any ending), others are whole words.
 */
const MASCULINE = [
  'active', 'adventurous', 'aggress*', 'ambitio*', 'analy*', 'assert*', 'athlet*', 'autonom*', 'boast*', 'challeng*', 'compet*',
  'confident', 'courag*', 'decide', 'decisive', 'decision*', 'determin*', 'dominant', 'domina*', 'force*', 'greedy', 'headstrong',
  'hierarch*', 'hostil*', 'impulsive', 'independen*', 'individual*', 'intellect*', 'lead*', 'logic', 'masculine', 'objective',
  'opinion', 'outspoken', 'persist', 'principle*', 'reckless', 'stubborn', 'superior', 'self-confiden*', 'self-relian*', 'self-sufficien*',
];
const FEMININE = [
  'affectionate', 'child*', 'cheer*', 'commit*', 'communal', 'compassion*', 'connect*', 'considerate', 'cooperat*', 'depend*',
  'emotiona*', 'empath*', 'feminine', 'flatterable', 'gentle', 'honest', 'interpersonal', 'interdependen*', 'interpersona*', 'kind',
  'kinship', 'loyal*', 'modesty', 'nag', 'nurtur*', 'pleasant*', 'polite', 'quiet*', 'respon*', 'sensitiv*', 'submissive', 'support*',
  'sympath*', 'tender*', 'together*', 'trust*', 'understand*', 'warm*', 'whin*', 'yield*',
];
/**
 * Technical senses the stems catch that say nothing about people: a dependency graph, an individual
 * contributor. A team adds its own under `ignore`.
 */
const TECHNICAL = ['dependency', 'dependencies', 'individual contributor', 'individual contributors'];

const GenderCodedOptionsSchema = z
  .object({
    threshold: z.number().int().min(1).default(3).describe('Report a role when one kind of coded word outnumbers the other by this many or more'),
    ignore: z.array(z.string().min(1)).default([]).describe('Words or phrases not to count, beyond the built-in technical senses ("dependency", "individual contributor")'),
  })
  .strict();

export const genderCoded = defineRule({
  meta: {
    id: 'gender-coded',
    description:
      'A role leans on masculine- or feminine-coded words (the word lists of Gaucher, Friesen and Kay, 2011, on job adverts) by the threshold or more; one finding a role, with the words.',
    severity: 'off',
    fixable: false,
    flags: 'Staff Engineer: "Leads decisive, independent, competitive teams." (4 masculine-coded words, 0 feminine-coded)',
    passes: 'Engineer: "Leads reviews and supports teammates with understanding." (1 masculine-coded, 2 feminine-coded)',
  },
  options: GenderCodedOptionsSchema,
  check: (ctx, { threshold, ignore }) => {
    const ignored = [...TECHNICAL, ...ignore].map(phrasePattern);
    const masculine = MASCULINE.map(phrasePattern);
    const feminine = FEMININE.map(phrasePattern);
    return ctx.roles.flatMap((role) => {
      const text = ignored.reduce((words, pattern) => words.replace(pattern, ' '), wordingOf(role));
      const m = codedWords(text, masculine);
      const f = codedWords(text, feminine);
      if (Math.abs(m.length - f.length) < threshold) return [];
      const leans = m.length > f.length ? 'masculine' : 'feminine';
      return [{ file: role.file, line: role.titleLine || 1, column: 1, message: `${role.title} leans ${leans}-coded: ${balance(m, 'masculine')}, ${balance(f, 'feminine')}.` }];
    });
  },
});

/** The role's own words: its description and expectations, with inline code and link targets dropped. */
function wordingOf(role: RoleNode): string {
  return [role.description, ...expectationsOf(role).map((e) => e.text)].join('\n').replace(/`+[^`]*`+/g, ' ').replace(/\]\([^)]*\)/g, ']');
}

function codedWords(text: string, stems: RegExp[]): string[] {
  return stems.flatMap((stem) => [...text.matchAll(stem)].map((match) => match[0].toLowerCase()));
}

/** "9 masculine-coded words (leads ×3, decisive)". */
function balance(words: string[], kind: string): string {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const listed = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([word, n]) => (n > 1 ? `${word} ×${n}` : word)).join(', ');
  return `${words.length} ${kind}-coded word${words.length === 1 ? '' : 's'}${listed ? ` (${listed})` : ''}`;
}
