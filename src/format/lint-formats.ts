import type { LintReport, LintRuleMeta } from '../schema/lint-report.js';

export interface LintFormatOptions {
  color: boolean;
  /** Every rule, for formats that describe them (SARIF). */
  rules: readonly LintRuleMeta[];
  /** Every file linted, clean or not, for formats with one entry per file (JUnit). */
  files: readonly string[];
  /** The version of ladder, recorded by formats that name the tool (SARIF). */
  version: string;
  /**
   * The ladder folder as seen from where the tool runs, `/`-separated, '' when it is that folder. Formats
   * read by GitHub (annotations, SARIF) name files from there, the repository's top folder in CI, so a
   * ladder kept in `docs/ladder/` still annotates the right file.
   */
  base: string;
  /**
   * The ladder folder from the current folder, with `..` if need be ('' when it is that folder): paths in
   * output read by people start there, so a terminal or an editor can open them.
   */
  here: string;
  /** The terminal's columns, for formats read by people (stylish); none when piped. */
  width?: number;
}

export type LintFormatter = (report: LintReport, options: LintFormatOptions) => string;
