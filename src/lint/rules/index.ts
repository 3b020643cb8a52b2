import type { ProblemCode } from '../../schema/parsed.js';
import type { LintRule } from '../rule.js';
import { avoid } from './avoid.js';
import { brokenLink } from './broken-link.js';
import { duplicateExpectation } from './duplicate-expectation.js';
import { duplicateRole } from './duplicate-role.js';
import { duplicateSection } from './duplicate-section.js';
import { emptyExpectation } from './empty-expectation.js';
import { emptyRole } from './empty-role.js';
import { emptySection } from './empty-section.js';
import { expectationOutsideSection } from './expectation-outside-section.js';
import { finalNewline } from './final-newline.js';
import { frontMatter } from './front-matter.js';
import { genderCoded } from './gender-coded.js';
import { indefiniteArticle } from './indefinite-article.js';
import { inheritanceCycle } from './inheritance-cycle.js';
import { inheritsTitleMismatch } from './inherits-title-mismatch.js';
import { looseParent } from './loose-parent.js';
import { lostBullet } from './lost-bullet.js';
import { missingTitle } from './missing-title.js';
import { multipleBlankLines } from './multiple-blank-lines.js';
import { restatesInherited } from './restates-inherited.js';
import { terminalPunctuation } from './terminal-punctuation.js';
import { thinStep } from './thin-step.js';
import { trackSections } from './track-sections.js';
import { trailingWhitespace } from './trailing-whitespace.js';
import { unknownParent } from './unknown-parent.js';
import { unreadableFile } from './unreadable-file.js';
import { unrecognisedParentLine } from './unrecognised-parent-line.js';
import { unusedInheritsPattern } from './unused-inherits-pattern.js';
import { vagueQualifier } from './vague-qualifier.js';
import { voice } from './voice.js';
import { yearsOfExperience } from './years-of-experience.js';

/**
 * Every lint rule, in the order docs and `--list-rules` show them: structure (errors) first, then content.
 * The single source for the README table, SARIF rule descriptors and the rule ids ladder.yaml accepts.
 */
export const lintRules = [
  unknownParent,
  unrecognisedParentLine,
  inheritanceCycle,
  duplicateRole,
  missingTitle,
  frontMatter,
  unreadableFile,
  emptyRole,
  expectationOutsideSection,
  emptySection,
  duplicateSection,
  restatesInherited,
  duplicateExpectation,
  lostBullet,
  emptyExpectation,
  terminalPunctuation,
  indefiniteArticle,
  trailingWhitespace,
  multipleBlankLines,
  finalNewline,
  trackSections,
  yearsOfExperience,
  brokenLink,
  inheritsTitleMismatch,
  looseParent,
  unusedInheritsPattern,
  thinStep,
  avoid,
  genderCoded,
  vagueQualifier,
  voice,
] as const satisfies readonly LintRule[];

/** The id of every lint rule, as a type. */
export type RuleId = (typeof lintRules)[number]['meta']['id'];

/** The ids of the rules that list problem code `Code` in their `problemCodes`. */
type RulesReporting<Code extends ProblemCode, Rule = (typeof lintRules)[number]> = Rule extends { meta: { id: infer Id }; problemCodes: readonly (infer Taken)[] }
  ? Code extends Taken ? Id : never
  : never;
type IsUnion<T, All = T> = T extends unknown ? ([All] extends [T] ? false : true) : never;
/** Problem codes that no rule reports (they would vanish from lint), or that two rules report. */
type Misassigned = { [Code in ProblemCode]: [RulesReporting<Code>] extends [never] ? Code : true extends IsUnion<RulesReporting<Code>> ? Code : never }[ProblemCode];
type NoProblemCodes<Codes extends never> = Codes;
/** Fails to compile, naming the code, unless every loader and graph problem code is reported by exactly one rule. */
export type EveryProblemCodeHasOneRule = NoProblemCodes<Misassigned>;
