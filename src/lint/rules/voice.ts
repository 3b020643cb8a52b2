import { z } from 'zod';
import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';
import { defineRule } from '../rule.js';
import { expectationsOf } from './each-expectation.js';

type Voice = 'third-person' | 'imperative' | 'second-person';

/**
 * Verbs ladders start expectations with, in their base form. A first word is judged only when it is one of
 * these (or its -s form): "Systems" or "Business" are never taken for verbs, since they are not here.
 */
const VERBS = new Set(
  `accept achieve act adapt add address adjust advise advocate agree align allocate analyse analyze anticipate apply approve
  architect argue articulate ask assess assign attend automate avoid balance be become break bring build calibrate challenge champion
  choose clarify coach collaborate commit communicate compare complete connect consider contribute coordinate create cultivate debug decide
  define delegate deliver demonstrate deploy design develop diagnose document do drive educate eliminate empower enable encourage
  engage ensure establish estimate evaluate explain explore facilitate find fix follow foster gather give grow guide handle have
  help hire hold identify implement improve influence inform initiate innovate inspire instrument investigate keep know lead learn
  listen maintain make manage measure meet mentor model monitor motivate navigate negotiate notice onboard operate optimise optimize
  organise organize own pair participate partner pay plan post practise practice prepare present prevent prioritise prioritize produce
  promote propose protect provide publish push raise reach read recognise recognize recommend reduce refactor reflect remove report
  represent research resolve respond review run say scale seek see sequence set shape share ship simplify solve speak spot sponsor start
  stay steer suggest summarise summarize support sustain take teach test think track train translate troubleshoot understand unblock
  use validate volunteer weigh welcome work write`.split(/\s+/),
);
/** Base verbs that also name things: judged only when the next word shows a verb ("Design the API", not "Design documents"). */
const ALSO_NOUNS = new Set('balance break build challenge champion code design document experience focus guide lead model pair partner plan post practice process report research review run sequence ship spot support test track use work'.split(' '));
/** Words that follow a verb, not a noun used as a subject. */
const OBJECT_START = /^(the|a|an|their|your|our|his|her|its|them|it|others|other|and|with|to|for|on|in|across|up|out|clear|new|every|each|all|how|what|when|that|this|these|those|team|teams|people|engineers)$/;
/** A subject followed by its verb: "Design documents are…", "Reviews are…". */
const AUXILIARY = /^(is|are|was|were|should|must|can|will|would|could|may|need|needs)$/;
const IRREGULAR_THIRD = new Map([['is', 'be'], ['has', 'have'], ['does', 'do'], ['goes', 'go']]);

const VoiceOptionsSchema = z
  .object({
    style: z
      .enum(['consistent', 'third-person', 'imperative', 'second-person'])
      .default('consistent')
      .describe('consistent: the voice most expectations of the ladder start with; or always that voice'),
  })
  .strict();

const STARTS: Record<Voice, string> = { 'third-person': 'with a third-person verb', imperative: 'with an imperative', 'second-person': 'in the second person' };

export const voice = defineRule({
  meta: {
    id: 'voice',
    description:
      'An expectation starts in another voice than most of the ladder\'s ("Write…" where most say "Writes…", or "You write…"); only first words known as verbs, or "You", are judged.',
    severity: 'off',
    fixable: false,
    flags: '"Write design documents." where most expectations start like "Writes tests."',
    passes: '"Systems we own have runbooks." (not a verb: left alone)',
  },
  options: VoiceOptionsSchema,
  check: (ctx, { style }) => {
    // A nested bullet goes on with the item above it ("Working knowledge of Go" / "Reads its docs"): its
    // voice follows that item, not the ladder's.
    const judged = ctx.roles.flatMap((role) =>
      expectationsOf(role).map((expectation) => ({ role, expectation, voice: expectation.parent === undefined ? voiceOf(expectation.text) : null })),
    );
    const voiced = judged.filter((j): j is Judged & { voice: VoiceOf } => j.voice !== null);
    const expected = style === 'consistent' ? majority(voiced) : style;
    if (!expected) return [];
    const agreeing = voiced.filter((j) => j.voice.voice === expected);
    const convention =
      style === 'consistent'
        ? `most expectations that start with a verb or "You" (${agreeing.length} of ${voiced.length}) start ${STARTS[expected]}, like "${agreeing[0]!.voice.word}"`
        : `ladder.yaml asks for expectations that start ${STARTS[expected]}`;
    return voiced
      .filter((j) => j.voice.voice !== expected)
      .map(({ role, expectation, voice: found }) => ({
        file: role.file,
        line: expectation.line,
        column: expectation.column,
        message: `Starts ${STARTS[found.voice]} ("${found.word}"); ${convention}.`,
      }));
  },
});

interface VoiceOf {
  voice: Voice;
  word: string;
}
interface Judged {
  role: RoleNode;
  expectation: ParsedExpectation;
  voice: VoiceOf | null;
}

/** The voice an expectation starts in, or null when its first words do not say it for sure. */
export function voiceOf(text: string): VoiceOf | null {
  const words = text.replace(/^[^\p{L}]+/u, '').split(/\s+/);
  const first = words[0] ?? '';
  const word = /^[\p{L}'’]+/u.exec(first)?.[0] ?? '';
  // "Design: …" is a label, not the start of a sentence.
  if (!word || first.slice(word.length).startsWith(':')) return null;
  const lower = word.toLowerCase();
  if (lower === 'you' || lower === 'your') return { voice: 'second-person', word };
  const next = (words[1] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  const afterNext = (words[2] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  if (AUXILIARY.test(next) || AUXILIARY.test(afterNext)) return null;
  const base = IRREGULAR_THIRD.get(lower) ?? baseOfThirdPerson(lower);
  const verb = base ?? (VERBS.has(lower) ? lower : undefined);
  if (verb === undefined) return null;
  // A plural noun rarely starts an expectation without an auxiliary after it; a base form that is also a
  // noun often does ("Design documents …", "Code quality …").
  if (!base && ALSO_NOUNS.has(verb) && !OBJECT_START.test(next)) return null;
  return { voice: base ? 'third-person' : 'imperative', word };
}

/** "writes" → "write", "fixes" → "fix", "clarifies" → "clarify"; undefined unless the base is a known verb. */
function baseOfThirdPerson(word: string): string | undefined {
  if (!word.endsWith('s') || word.endsWith('ss')) return undefined;
  const candidates = [word.slice(0, -1), word.endsWith('es') ? word.slice(0, -2) : '', word.endsWith('ies') ? `${word.slice(0, -3)}y` : ''];
  return candidates.find((candidate) => VERBS.has(candidate));
}

/** The voice more than half of the judged expectations use, if one does. */
function majority(voiced: { voice: VoiceOf }[]): Voice | undefined {
  const counts = new Map<Voice, number>();
  for (const { voice } of voiced) counts.set(voice.voice, (counts.get(voice.voice) ?? 0) + 1);
  return [...counts].find(([, n]) => n * 2 > voiced.length)?.[0];
}
