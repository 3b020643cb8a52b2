import type { RoleNode } from '../../graph/build-graph.js';
import type { ParsedExpectation } from '../../schema/parsed.js';
import { expectationKey } from '../../text/expectation-key.js';
import { short } from '../../text/short.js';
import { restates } from '../../text/judgement.js';
import { jaccardSorted } from '../../text/similarity.js';
import { defineRule, type LintContext, type Report } from '../rule.js';
import { mayRestate, PrefixIndex, wordFrequency, wordSetsOf, type WordIds } from '../similar-index.js';
import { expectationsOf, fileOf } from './each-expectation.js';

interface Entry {
  role: RoleNode;
  expectation: ParsedExpectation;
  words: WordIds;
}

export const restatesInherited = defineRule({
  meta: {
    id: 'restates-inherited',
    description:
      'An expectation repeats, or restates, one the role already inherits from an ancestor: it adds nothing the inherited one lacks (a bullet that only widens the scope, function to module or team to organisation, evolves it and is not flagged).',
    severity: 'warning',
    fixable: false,
    flags: '"Writes well-tested code." in Senior when Engineer has "Writes well-tested, readable code."',
    passes: '"Designs at a module level." in Senior when Engineer has "Designs at a function level.": the scope grows',
  },
  check: (ctx) => {
    const entriesOf = (role: RoleNode): Entry[] => {
      const words = wordSetsOf(role);
      return expectationsOf(role).map((expectation, i) => ({ role, expectation, words: words[i]! }));
    };
    const index = new PrefixIndex<Entry>(wordFrequency(allWordSets(ctx)));
    const reports: Report[] = [];
    // Depth first down the inheritance tree: while a role is visited the index holds exactly what it
    // inherits, so memory follows the depth of the tree, not the size of the ladder.
    const stack: { role: RoleNode; own?: Entry[] }[] = rootsOf(ctx).map((role) => ({ role })).reverse();
    while (stack.length > 0) {
      const { role, own } = stack.pop()!;
      if (own) {
        for (let i = 0; i < own.length; i++) index.removeLast();
        continue;
      }
      const entries = entriesOf(role);
      for (const entry of entries) {
        const match = closestInherited(index, entry);
        if (match) reports.push(restatement(entry, match));
      }
      for (const entry of entries) index.add(entry.words, entry);
      stack.push({ role, own: entries });
      for (const child of [...role.children].reverse()) stack.push({ role: ctx.graph.roles.get(child)! });
    }
    return reports;
  },
});

/** Every expectation's word set, one at a time: an array of 200,000 of them would only add to the peak. */
function* allWordSets(ctx: LintContext): Generator<WordIds> {
  for (const role of ctx.roles) yield* wordSetsOf(role);
}

/** Roles at the top of a chain; roles on a cycle have none and are reported by inheritance-cycle instead. */
function rootsOf(ctx: LintContext): RoleNode[] {
  return ctx.roles.filter((role) => role.parentId === null);
}

function closestInherited(index: PrefixIndex<Entry>, entry: Entry): { inherited: Entry; score: number } | null {
  let best: { inherited: Entry; score: number } | null = null;
  for (const inherited of index.candidates(entry.words)) {
    const score = jaccardSorted(entry.words, inherited.words);
    // Ties go to the nearer ancestor, the one a reader sees first when walking up.
    const better = !best || score > best.score || (score === best.score && inherited.role.level > best.inherited.role.level);
    if (better && mayRestate(entry.words, inherited.words) && restates(inherited.expectation.text, entry.expectation.text)) {
      best = { inherited, score };
    }
  }
  return best;
}

function restatement(entry: Entry, { inherited }: { inherited: Entry }): Report {
  const verb = expectationKey(entry.expectation.text) === expectationKey(inherited.expectation.text) ? 'Repeats' : 'Restates';
  const where = `${fileOf(inherited.expectation, inherited.role)}:${inherited.expectation.line}`;
  return {
    file: fileOf(entry.expectation, entry.role),
    line: entry.expectation.line,
    column: entry.expectation.column,
    message: `${verb} "${short(inherited.expectation.text, 80)}" inherited from ${inherited.role.title} (${where}); remove it or say what changes at this level.`,
    related: { file: fileOf(inherited.expectation, inherited.role), line: inherited.expectation.line },
  };
}
