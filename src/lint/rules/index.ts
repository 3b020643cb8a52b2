import type { LintRule } from '../rule.js';
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
import { yearsOfExperience } from './years-of-experience.js';

/**
 * Every lint rule, in the order docs and `--list-rules` show them: structure (errors) first, then content.
 * The single source for the README table, SARIF rule descriptors and the rule ids ladder.yaml accepts.
 */
export const lintRules: readonly LintRule[] = [
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
];
